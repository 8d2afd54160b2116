package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.request.ExecuteRequest;
import io.github.spencerpark.jupyter.messages.request.HistoryRequest;
import io.github.spencerpark.jupyter.messages.request.KernelInfoRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.lotterylab.display.Display;
import org.lotterylab.display.MimeBundle;

/**
 * The Lottery Lab Jupyter kernel: Java cells evaluated by JShell inside this JVM, so the last
 * expression's real object is rendered (text, PNG, or whatever an
 * {@link org.lotterylab.display.RendererProvider} offers).
 *
 * <p>Start it as Jupyter does, with the connection file's path: {@code java -cp ...
 * org.lotterylab.kernel.LabKernel CONNECTION_FILE}.
 */
public final class LabKernel extends BaseKernel {

    static {
        JvmSettings.apply();
    }

    /** The protocol version the base kernel (2.3.0) speaks and announces. */
    private static final String PROTOCOL_VERSION = "5.3";

    private final CompletableFuture<KernelSession> session;
    private final CellHistory history = new CellHistory();
    /** An interrupt came while the cell still waited for JShell to start: that cell must not run. */
    private volatile boolean interruptedWhileStarting;
    /** Where the running cell's messages go; {@code null} between cells. */
    private volatile ShellReplyEnvironment runningCell;

    /**
     * Installs the display API and starts JShell in the background: the kernel answers Jupyter
     * (kernel_info) at once, and the first cell waits for JShell if it must.
     */
    public LabKernel() {
        Display.install(new NotebookDisplaySink(getRenderer(), getIO().display, () -> runningCell));
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
        int number = executionCount.get() - 1;
        DisplayData result = null;
        try {
            KernelSession started = session();
            if (interruptedWhileStarting) {
                interruptedWhileStarting = false;
                throw new CellInterruptedException();
            }
            result = started.cells().run(new CellSource("In[" + number + "]", code))
                    .map(value -> render(value.object()))
                    .orElse(null);
            return result;
        } finally {
            history.add(number, code, result == null ? null : (String) result.getData(MIMEType.TEXT_PLAIN));
            System.out.flush();
            System.err.flush();
        }
    }

    private DisplayData render(Object value) {
        return value instanceof MimeBundle rendered ? MimeBundles.toDisplayData(rendered) : getRenderer().render(value);
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
    public HistoryManager getHistoryManager() {
        return history;
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
        return "Lottery Lab Java kernel: Java " + Runtime.version() + ", JShell in the kernel's JVM, heap up to "
                + String.format(Locale.ROOT, "%.1f GiB", Runtime.getRuntime().maxMemory() / (double) (1L << 30))
                + " (LAB_KERNEL_HEAP). Magics: %lsmagic. Display: display(obj), render(obj), updateDisplay(id, obj), clearOutput().";
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        Display.install(null);
        session.thenAccept(KernelSession::close);
    }

    /**
     * Answers Jupyter's messages as the base kernel does, with three changes: clear_output needs the
     * running cell's reply environment, which the base kernel keeps to itself; and the kernel_info and
     * history replies are {@link ProtocolReplies}, as the protocol has them.
     *
     * @param connection the kernel's sockets
     */
    @Override
    public void becomeHandlerForConnection(JupyterConnection connection) {
        super.becomeHandlerForConnection(connection);
        ShellHandler<ExecuteRequest> execute = connection.getHandler(MessageType.EXECUTE_REQUEST);
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            runningCell = env;
            try {
                execute.handle(env, message);
            } finally {
                runningCell = null;
            }
        });
        connection.setHandler(MessageType.KERNEL_INFO_REQUEST, this::replyKernelInfo);
        connection.setHandler(MessageType.HISTORY_REQUEST, this::replyHistory);
    }

    private void replyKernelInfo(ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
        env.setBusyDeferIdle();
        env.reply(new ProtocolReplies.KernelInfo(PROTOCOL_VERSION, KERNEL_META.get("project"),
                KERNEL_META.get("version"), getLanguageInfo(), getBanner(), getHelpLinks()));
    }

    private void replyHistory(ShellReplyEnvironment env, Message<HistoryRequest> message) {
        env.setBusyDeferIdle();
        HistoryRequest request = message.getContent();
        // Inputs are kept as typed: raw and transformed input are the same here.
        Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
        if (request.includeOutput()) {
            flags.add(ResultFlag.INCLUDE_OUTPUT);
        }
        List<HistoryEntry> entries;
        if (request instanceof HistoryRequest.Tail tail) {
            entries = history.lookupTail(tail.getMaxReturnLength(), flags);
        } else if (request instanceof HistoryRequest.Range range) {
            entries = history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
        } else {
            HistoryRequest.Search search = (HistoryRequest.Search) request;
            if (search.filterUnique()) {
                flags.add(ResultFlag.UNIQUE);
            }
            entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
        }
        env.reply(new ProtocolReplies.History(entries));
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
