package org.lotterylab.display;

/**
 * Extension point through which a library teaches the notebook kernel to render its types.
 *
 * <p>The kernel discovers implementations with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/org.lotterylab.display.RendererProvider} file in the library's jar) when
 * it starts and after every {@code %classpath} or {@code %maven} magic, so the kernel itself knows
 * nothing of the types being rendered (Tablesaw tables, XChart charts, DJL arrays ...), and the
 * library needs nothing of the kernel.
 */
public interface RendererProvider {

    /**
     * Registers this provider's render functions, e.g.
     * {@code registry.register(Table.class, "text/html", HtmlTable::of)}.
     *
     * @param registry where the kernel collects render functions
     */
    void registerWith(RendererRegistry registry);
}
