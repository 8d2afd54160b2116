package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.display.Renderer;
import java.util.HashSet;
import java.util.Iterator;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.lotterylab.display.RendererProvider;
import org.lotterylab.display.RendererRegistry;

/**
 * Finds the {@link RendererProvider}s on the class path and lets each register its renderers once.
 * Run at start-up and after every class path change, so a library added by {@code %maven} brings
 * its renderers along. A broken provider is logged and skipped: it must not take the kernel down.
 */
final class RendererProviders {

    private static final Logger LOG = Logger.getLogger(RendererProviders.class.getName());

    private final RendererRegistry registry;
    private final Set<String> registered = new HashSet<>();

    /**
     * @param renderer the kernel's renderer, where the providers' render functions go
     */
    RendererProviders(Renderer renderer) {
        this.registry = new KernelRendererRegistry(renderer);
    }

    /**
     * Registers every provider visible to the loader that has not registered yet.
     *
     * @param loader where to look, normally the snippets' class loader
     */
    void discover(ClassLoader loader) {
        Iterator<RendererProvider> providers = ServiceLoader.load(RendererProvider.class, loader).iterator();
        while (hasNext(providers)) {
            try {
                RendererProvider provider = providers.next();
                if (registered.add(provider.getClass().getName())) {
                    provider.registerWith(registry);
                }
            } catch (ServiceConfigurationError | RuntimeException e) {
                LOG.log(Level.WARNING, "Skipped a renderer provider that failed to load", e);
            }
        }
    }

    // ServiceLoader may fail while looking for the next provider, too; it then moves past it.
    private static boolean hasNext(Iterator<RendererProvider> providers) {
        try {
            return providers.hasNext();
        } catch (ServiceConfigurationError e) {
            LOG.log(Level.WARNING, "Skipped a renderer provider that failed to load", e);
            return true;
        }
    }
}
