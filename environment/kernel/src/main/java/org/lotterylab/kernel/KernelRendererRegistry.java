package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.util.function.Function;
import org.lotterylab.display.RendererRegistry;

/**
 * The base kernel's {@link Renderer} seen as a {@link RendererRegistry}: each render function
 * becomes a registration that prefers its MIME type, so an object is shown with every MIME type
 * registered for it, and a request for some MIME types runs only their functions.
 */
final class KernelRendererRegistry implements RendererRegistry {

    private final Renderer renderer;

    /**
     * @param renderer where the render functions go
     */
    KernelRendererRegistry(Renderer renderer) {
        this.renderer = renderer;
    }

    @Override
    public <T> void register(Class<T> type, String mimeType, Function<? super T, String> render) {
        MIMEType mime = MIMEType.parse(mimeType);
        renderer.createRegistration(type)
                .preferring(mime)
                .register((value, context) -> context.renderIfRequested(mime, () -> render.apply(value)));
    }
}
