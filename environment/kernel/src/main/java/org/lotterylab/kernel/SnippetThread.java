package org.lotterylab.kernel;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import jdk.jshell.spi.ExecutionControl.StoppedException;

/** The thread one snippet runs on: calls the snippet's wrapper method and keeps its outcome. */
final class SnippetThread extends Thread {

    private final Method doitMethod;
    private volatile Object value;
    private volatile Throwable failure;

    SnippetThread(Method doitMethod, ClassLoader snippetLoader) {
        super("snippet");
        this.doitMethod = doitMethod;
        setContextClassLoader(snippetLoader);
        // User code may leave threads of its own running; a snippet thread never keeps the JVM up.
        setDaemon(true);
    }

    @Override
    public void run() {
        try {
            value = doitMethod.invoke(null);
        } catch (Throwable t) {
            failure = t;
        }
    }

    /**
     * The snippet's outcome, once the thread has ended.
     *
     * @return the object the snippet produced
     * @throws InvocationTargetException the user's exception, for JShell to report
     * @throws StoppedException when the thread was stopped by an interrupt
     * @throws Exception when reflection itself failed
     */
    @SuppressWarnings("deprecation") // ThreadDeath is what Thread.stop throws on Java 17
    Object result() throws Exception {
        Throwable cause = failure instanceof InvocationTargetException ite ? ite.getCause() : failure;
        if (cause instanceof ThreadDeath) {
            throw new StoppedException();
        }
        if (failure instanceof Exception e) {
            throw e;
        }
        if (failure instanceof Error e) {
            throw e;
        }
        return value;
    }
}
