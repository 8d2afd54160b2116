package org.lotterylab.kernel;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl.StoppedException;

/**
 * Runs JShell snippets inside the kernel's own JVM, on one {@link SnippetThread}, and keeps the
 * real object each snippet produced.
 *
 * <p>JShell's stock engines hand back only a string per snippet. Here {@link #invoke(Method)}
 * stores the object under a key and returns that key as the snippet's "value", so the kernel can
 * {@link #takeValue(String) take} the object back and render it richly. Running snippets on a
 * thread of their own lets {@link #stop()} kill a runaway cell without touching the kernel's threads.
 * A stopped snippet fails with {@link StoppedException}, which JShell swallows: ask
 * {@link #stopRequested()}.
 */
final class SnippetExecutionControl extends DirectExecutionControl {

    private final Map<String, Holder> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final ClassLoader snippetLoader;
    private final SnippetThread thread;
    private boolean stopRequested;

    SnippetExecutionControl() {
        // The default loader delegate installs its class loader (snippet classes plus every jar
        // added with addToClasspath) as the constructing thread's context class loader; keep it
        // for ServiceLoader look-ups and as the snippet threads' context class loader.
        snippetLoader = Thread.currentThread().getContextClassLoader();
        thread = new SnippetThread(snippetLoader);
        thread.start();
    }

    /** @return the loader that sees the snippets and every class path entry added to JShell */
    ClassLoader snippetLoader() {
        return snippetLoader;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        synchronized (this) {
            if (stopRequested) {
                throw new StoppedException();
            }
        }
        Object value = thread.run(doitMethod);
        String key = "value-" + keys.incrementAndGet();
        values.put(key, new Holder(value));
        return key;
    }

    /**
     * Takes back the object a snippet produced, forgetting every other stored object, so values of
     * earlier snippets are not kept alive.
     *
     * @param key the snippet's value string as JShell reported it
     * @return the object, or {@code null} when the key is unknown or the snippet produced null
     */
    Object takeValue(String key) {
        Holder holder = values.get(key);
        values.clear();
        return holder == null ? null : holder.value();
    }

    /** Forgets every stored object. */
    void clearValues() {
        values.clear();
    }

    /**
     * Stops the running snippet and refuses to run further snippets until
     * {@link #resetStop()}: a stop that arrives while JShell compiles the next snippet of the cell
     * is not lost.
     */
    @Override
    public synchronized void stop() {
        stopRequested = true;
        thread.stopSnippet();
    }

    /** @return whether {@link #stop()} was called since the last {@link #resetStop()} */
    synchronized boolean stopRequested() {
        return stopRequested;
    }

    /** Lets snippets run again, at the start of a cell. */
    synchronized void resetStop() {
        stopRequested = false;
    }


    /** Ends the snippet thread with the JShell that owns it (a restart makes a new one). */
    @Override
    public void close() {
        thread.close();
        super.close();
    }

    /** Wraps a stored object so that a {@code null} result can live in the concurrent map. */
    private record Holder(Object value) {}
}
