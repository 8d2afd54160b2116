package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Extension point through which a library teaches the kernel to render its types.
 *
 * <p>The kernel discovers implementations with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.lotterylab.kernel.RendererProvider} file in the library's jar) when
 * it starts and after every {@code %classpath} or {@code %maven} magic, so the kernel itself knows
 * nothing of the types being rendered (Tablesaw tables, XChart charts, DJL arrays ...).
 */
public interface RendererProvider {

    /**
     * Registers this provider's render functions, e.g.
     * {@code renderer.createRegistration(Table.class).preferring(MIMEType.TEXT_HTML).register(...)}.
     *
     * @param renderer the kernel's renderer
     */
    void registerWith(Renderer renderer);
}
