package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The Lottery Lab Jupyter kernel: Java cells evaluated by JShell inside this JVM, so the last
 * expression's real object is rendered (text, PNG, or whatever a {@link RendererProvider} offers).
 *
 * <p>Start it as Jupyter does, with the connection file's path: {@code java -cp ...
 * org.lotterylab.kernel.LabKernel CONNECTION_FILE}.
 */
public final class LabKernel extends BaseKernel {

    static {
        JvmSettings.apply();
    }

    private final CompletableFuture<KernelSession> session;
    /** An interrupt came while the cell still waited for JShell to start: that cell must not run. */
    private volatile boolean interruptedWhileStarting;

    /**
     * Installs the display API and starts JShell in the background: the kernel answers Jupyter
     * (kernel_info) at once, and the first cell waits for JShell if it must.
     */
    public LabKernel() {
        Display.install(new NotebookDisplaySink(getRenderer(), getIO().display));
        session = CompletableFuture.supplyAsync(() -> KernelSession.start(getRenderer()), LabKernel::startThread);
    }

    // A thread of its own: JShell makes its class loader the context loader of the thread that builds it.
    private static void startThread(Runnable task) {
        Thread thread = new Thread(task, "jshell-start");
        thread.setDaemon(true);
        thread.start();
    }

    private KernelSession session() {
        return session.join();
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        // The base kernel counts the cell before evaluating it.
        CellSource cell = new CellSource("In[" + (executionCount.get() - 1) + "]", code);
        try {
            KernelSession started = session();
            if (interruptedWhileStarting) {
                interruptedWhileStarting = false;
                throw new CellInterruptedException();
            }
            return started.cells().run(cell).map(value -> render(value.object())).orElse(null);
        } finally {
            System.out.flush();
            System.err.flush();
        }
    }

    private DisplayData render(Object value) {
        return value instanceof DisplayData rendered ? rendered : getRenderer().render(value);
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return session().assist().complete(code, at);
    }

    @Override
    public String isComplete(String code) {
        return session().assist().isComplete(code);
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return session().assist().inspect(code, at, extraDetail);
    }

    @Override
    public void interrupt() {
        // Neither an interrupt nor a shutdown may fail because JShell is still starting or failed to.
        if (!session.isDone()) {
            interruptedWhileStarting = true;
        }
        session.thenAccept(KernelSession::stop);
    }

    @Override
    public List<String> formatError(Exception e) {
        return e instanceof CellException failure ? failure.traceback() : super.formatError(e);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo("java", String.valueOf(Runtime.version().feature()), "text/x-java-source",
                ".java", "java", "text/x-java", "script");
    }

    @Override
    public String getBanner() {
        return "Lottery Lab Java kernel: Java " + Runtime.version() + ", JShell in the kernel's JVM. "
                + "Magics: %lsmagic. Display: display(obj), render(obj), updateDisplay(id, obj).";
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Display.install(null);
        session.thenAccept(KernelSession::close);
    }

    /**
     * Runs the kernel until Jupyter shuts it down.
     *
     * @param args the connection file's path
     * @throws Exception when the connection file cannot be read or the sockets cannot be bound
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: java -cp CLASSPATH org.lotterylab.kernel.LabKernel CONNECTION_FILE");
            System.exit(2);
        }
        KernelConnectionProperties properties = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new HardenedConnection(properties);
        LabKernel kernel = new LabKernel();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
        // Notebook code may have left non-daemon threads (thread pools) running: they must not keep a
        // shut-down kernel alive.
        System.exit(0);
    }
}
