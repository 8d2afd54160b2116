package org.lotterylab.display;

import java.util.UUID;

/**
 * The display API of notebook cells: {@code display(obj)}, {@code render(obj)},
 * {@code updateDisplay(id, obj)}, {@code clearOutput()}. Every cell imports these methods statically.
 *
 * <p>Library code may call them too (a progress bar updates its display in place). Outside a
 * kernel, where no {@link Sink} is installed, {@code display} and {@code updateDisplay} print the
 * object's text to standard output and {@code clearOutput} does nothing, so the same code works
 * from a console or a test.
 */
public final class Display {

    /** What the kernel plugs in to send display messages to the notebook. */
    public interface Sink {
        /** Renders {@code value} (restricted to {@code mimes} when given) and displays it under {@code id}. */
        void display(String id, Object value, String... mimes);

        /** Replaces the output shown under {@code id}. */
        void update(String id, Object value, String... mimes);

        /** Renders {@code value} (restricted to {@code mimes} when given) without displaying it. */
        MimeBundle render(Object value, String... mimes);

        /** Clears the running cell's output, at once or ({@code wait}) when the next output comes. */
        void clear(boolean wait);
    }

    private static volatile Sink sink;

    private Display() {}

    /**
     * Installs the kernel's sink; {@code null} removes it. Called by the kernel only.
     *
     * @param kernelSink where display messages go
     */
    public static void install(Sink kernelSink) {
        sink = kernelSink;
    }

    /** @return whether a kernel is listening, i.e. outputs go to a notebook rather than a console */
    public static boolean isActive() {
        return sink != null;
    }

    /**
     * Displays an object now, as the notebook's richest known representation.
     *
     * @param value the object to show
     * @return the display id, for {@link #updateDisplay(String, Object)}
     */
    public static String display(Object value) {
        return display(value, new String[0]);
    }

    /**
     * Displays an object restricted to the given MIME types (e.g. {@code "text/html"}).
     *
     * @param value the object to show
     * @param mimes the MIME types wanted; none means all known
     * @return the display id
     */
    public static String display(Object value, String... mimes) {
        String id = UUID.randomUUID().toString();
        Sink current = sink;
        if (current == null) {
            System.out.println(value);
        } else {
            current.display(id, value, mimes);
        }
        return id;
    }

    /**
     * Replaces what was displayed under {@code id}.
     *
     * @param id a display id returned by {@link #display(Object)}
     * @param value the new object to show
     */
    public static void updateDisplay(String id, Object value) {
        updateDisplay(id, value, new String[0]);
    }

    /**
     * Replaces what was displayed under {@code id}, restricted to the given MIME types.
     *
     * @param id a display id returned by {@link #display(Object)}
     * @param value the new object to show
     * @param mimes the MIME types wanted; none means all known
     */
    public static void updateDisplay(String id, Object value, String... mimes) {
        Sink current = sink;
        if (current == null) {
            System.out.println(value);
        } else {
            current.update(id, value, mimes);
        }
    }

    /**
     * Renders an object to a MIME bundle; returning it from a cell shows it.
     *
     * @param value the object to render
     * @param mimes the MIME types wanted; none means all known
     * @return the bundle (plain text only outside a kernel)
     */
    public static MimeBundle render(Object value, String... mimes) {
        Sink current = sink;
        return current == null ? MimeBundle.text(String.valueOf(value)) : current.render(value, mimes);
    }

    /** Clears the output of the running cell: what it printed and displayed so far. */
    public static void clearOutput() {
        clearOutput(false);
    }

    /**
     * Clears the output of the running cell. With {@code wait}, the notebook clears it only when the
     * next output arrives, so that a cell redrawing a chart or a table in a loop does not flicker.
     *
     * @param wait whether to wait for the next output
     */
    public static void clearOutput(boolean wait) {
        Sink current = sink;
        if (current != null) {
            current.clear(wait);
        }
    }
}
