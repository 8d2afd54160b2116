package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.display.Renderer;

/**
 * Everything that evaluates and analyses cells, started together: JShell with the default imports
 * and the renderers of the class path, the magics, and code assistance.
 */
final class KernelSession implements AutoCloseable {

    private final JavaEvaluator java;
    private final CellRunner cells;
    private final CodeAssist assist;

    private KernelSession(JavaEvaluator java, CellRunner cells) {
        this.java = java;
        this.cells = cells;
        this.assist = new CodeAssist(java);
    }

    /**
     * Starts JShell on the kernel's class path and readies it for the first cell.
     *
     * @param renderer where renderer providers register
     * @return the session
     */
    static KernelSession start(Renderer renderer) {
        JavaEvaluator java = JavaEvaluator.start(System.getProperty("java.class.path"));
        KernelClassPath classPath = new KernelClassPath(java, new RendererProviders(renderer), new DefaultImports());
        KernelSession session = new KernelSession(java, new CellRunner(java, magics(java, classPath)));
        classPath.refresh();
        return session;
    }

    private static Magics magics(JavaEvaluator java, KernelClassPath classPath) {
        Magics magics = new Magics();
        LineMagic classpath = new ClasspathMagic(classPath);
        return magics.line("classpath", classpath)
                .line("jars", classpath)
                .line("maven", new MavenMagic(new MavenResolver("mvn"), classPath))
                .line("load", new LoadMagic(java))
                .line("lsmagic", arguments -> System.out.println(magics.describe()))
                .cell("time", new TimeMagic());
    }

    /** @return runs whole cells, magics included */
    CellRunner cells() {
        return cells;
    }

    /** @return completion, completeness and inspection */
    CodeAssist assist() {
        return assist;
    }

    /** Stops the running cell, if any. */
    void stop() {
        java.stop();
    }

    @Override
    public void close() {
        java.close();
    }
}
