package org.lotterylab.kernel;

import org.lotterylab.display.RendererProvider;
import org.lotterylab.display.RendererRegistry;

/** Registered through the test class path's META-INF/services, as a library would register its renderers. */
public final class TestRendererProvider implements RendererProvider {

    @Override
    public void registerWith(RendererRegistry registry) {
        registry.register(TestGreeting.class, "text/html", greeting -> "<b>Hello " + greeting.name() + "</b>");
    }
}
