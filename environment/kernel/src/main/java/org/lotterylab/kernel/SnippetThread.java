package org.lotterylab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import jdk.jshell.spi.ExecutionControl.StoppedException;

/**
 * The thread snippets run on, one for the kernel's whole life.
 *
 * <p>One thread rather than one per snippet, because libraries keep per-thread state that a
 * notebook expects to last from cell to cell as in any REPL: PyTorch's gradient mode, for one, is
 * per thread, and DJL sets it only on the thread that loaded the engine. {@link #stopSnippet()}
 * ends the running snippet at once for its caller and kills its work with {@code Thread.stop};
 * the thread survives that and serves the next snippet.
 *
 * <p>A stop's {@code ThreadDeath} can land anywhere on this thread, so everything the thread does
 * between snippets is written to survive it: snippets wait in a queue guarded by a plain monitor
 * (leaving a {@code synchronized} block on an exception releases it, where a
 * {@code java.util.concurrent} lock interrupted inside its wait is left broken), and a snippet is
 * marked running before it leaves the queue, so that a stop landing in between fails it instead of
 * losing it (its caller would wait forever).
 */
final class SnippetThread extends Thread {

    /** One snippet to run and where its outcome goes. */
    private record Snippet(Method doitMethod, CompletableFuture<Object> outcome) {}

    /**
     * How long the thread waits, after a stopped snippet returned, for its {@code ThreadDeath}: the
     * JVM delivers it at the snippet's next safepoint or return from native code, so it is either
     * there within microseconds or was swallowed by the user's own {@code catch (Throwable)}. Counted
     * in waits, not on the clock: each wait is a point where it can arrive, and a thread the
     * scheduler kept off the processor for longer must still pass through one.
     */
    private static final int LATE_STOP_WAITS = 20;
    private static final long LATE_STOP_WAIT_MILLIS = 10;

    /** Snippets not yet started; guarded by itself. */
    private final ArrayDeque<Snippet> snippets = new ArrayDeque<>();
    private final Object stopLock = new Object();
    private volatile Snippet running;
    /** A stop was sent and its ThreadDeath has not arrived yet: the next snippet must not receive it. */
    private boolean stopPending;
    private volatile boolean closed;

    SnippetThread(ClassLoader snippetLoader) {
        super("snippet");
        setContextClassLoader(snippetLoader);
        // User code may leave threads of its own running; the snippet thread never keeps the JVM up.
        setDaemon(true);
    }

    @Override
    @SuppressWarnings("deprecation") // ThreadDeath is what Thread.stop throws on Java 17
    public void run() {
        while (true) {
            try {
                awaitLateStop();
                Snippet snippet = takeNext();
                try {
                    snippet.outcome().complete(snippet.doitMethod().invoke(null));
                } catch (Throwable t) {
                    Throwable cause = t instanceof InvocationTargetException ite ? ite.getCause() : t;
                    if (cause instanceof ThreadDeath) {
                        stopArrived();
                    }
                    snippet.outcome().completeExceptionally(t);
                }
                running = null;
            } catch (InterruptedException e) {
                // Only close() ends the thread; a snippet's own interrupt flag is not an order to quit.
                if (closed) {
                    return;
                }
            } catch (ThreadDeath stop) {
                // The stop landed outside the snippet's own code (between its end and the next one):
                // it ends the snippet it was meant for and no other.
                stopArrived();
                Snippet stopped = running;
                running = null;
                if (stopped != null) {
                    synchronized (snippets) {
                        snippets.remove(stopped);
                    }
                    stopped.outcome().completeExceptionally(new StoppedException());
                }
            }
        }
    }

    private void stopArrived() {
        synchronized (stopLock) {
            stopPending = false;
        }
    }

    /** Before taking the next snippet, lets a stop sent to the previous one arrive here, not there. */
    private void awaitLateStop() throws InterruptedException {
        synchronized (stopLock) {
            for (int i = 0; stopPending && i < LATE_STOP_WAITS; i++) {
                stopLock.wait(LATE_STOP_WAIT_MILLIS);
            }
            stopPending = false;
        }
    }

    /** Waits for the next snippet and marks it running before it leaves the queue. */
    private Snippet takeNext() throws InterruptedException {
        synchronized (snippets) {
            while (snippets.isEmpty()) {
                snippets.wait();
            }
            Snippet next = snippets.peekFirst();
            running = next;
            snippets.removeFirst();
            return next;
        }
    }

    /**
     * Runs a snippet on this thread and waits for it.
     *
     * @param doitMethod the snippet's wrapper method
     * @return the object the snippet produced
     * @throws InvocationTargetException the user's exception, for JShell to report
     * @throws StoppedException when the snippet was stopped by an interrupt
     * @throws Exception when reflection itself failed
     */
    @SuppressWarnings("deprecation")
    Object run(Method doitMethod) throws Exception {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        synchronized (snippets) {
            snippets.addLast(new Snippet(doitMethod, outcome));
            snippets.notifyAll();
        }
        try {
            return outcome.get();
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            Throwable cause = failure instanceof InvocationTargetException ite ? ite.getCause() : failure;
            if (cause instanceof ThreadDeath || cause instanceof StoppedException) {
                throw new StoppedException();
            }
            if (failure instanceof Exception thrown) {
                throw thrown;
            }
            throw (Error) failure;
        }
    }

    /** Ends this thread once it has no snippet to run. */
    void close() {
        closed = true;
        interrupt();
    }

    /** Ends the running snippet, if any: its caller returns at once, its work is killed. */
    @SuppressWarnings({"deprecation", "removal"}) // Thread.stop works on Java 17, not from Java 20 on
    void stopSnippet() {
        synchronized (stopLock) {
            Snippet snippet = running;
            if (snippet != null && !stopPending) {
                snippet.outcome().completeExceptionally(new StoppedException());
                stopPending = true;
                // The only way to end code that never checks for interruption, e.g. `while (true) {}`.
                stop();
            }
        }
    }
}
