package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;

/** Registered through the test class path's META-INF/services, as a library would register its renderers. */
public final class TestRendererProvider implements RendererProvider {

    @Override
    public void registerWith(Renderer renderer) {
        renderer.createRegistration(TestGreeting.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((greeting, context) -> context.renderIfRequested(MIMEType.TEXT_HTML,
                        () -> "<b>Hello " + greeting.name() + "</b>"));
    }
}
