package org.lotterylab.kernel;

import java.nio.file.Path;
import java.util.Collection;

/**
 * Grows the snippets' class path and brings what the new jars offer into the notebook: their
 * renderers and the default imports of their packages.
 */
final class KernelClassPath {

    private final JavaEvaluator java;
    private final RendererProviders renderers;
    private final DefaultImports imports;

    KernelClassPath(JavaEvaluator java, RendererProviders renderers, DefaultImports imports) {
        this.java = java;
        this.renderers = renderers;
        this.imports = imports;
    }

    /**
     * @param entries jars or class folders to add
     */
    void add(Collection<Path> entries) {
        entries.forEach(entry -> java.addToClasspath(entry.toAbsolutePath().toString()));
        refresh();
    }

    /** Registers the renderers and default imports the class path holds now. */
    void refresh() {
        renderers.discover(java.snippetLoader());
        imports.importAvailable(java);
    }
}
