package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The frames of an exception from user code as the notebook shows them: a frame of a snippet by
 * the cell and line it came from, a lambda as a lambda, and the JDK's frames between two frames of
 * the user's own (a stream's nine or so, say) folded into one line that counts them. JDK frames
 * above the user's first frame stay: they say where the exception was thrown.
 */
final class StackFrames {

    private final SnippetOrigins origins;

    /**
     * @param origins where snippets came from
     */
    StackFrames(SnippetOrigins origins) {
        this.origins = origins;
    }

    /**
     * @param frames the frames as JShell reports them (outside the snippets, cut at the outermost one)
     * @return one line per frame or folded run, each starting with four spaces
     */
    List<String> describe(StackTraceElement[] frames) {
        List<String> lines = new ArrayList<>();
        boolean userFrameSeen = false;
        int i = 0;
        while (i < frames.length) {
            int end = i;
            while (end < frames.length && isJdk(frames[end])) {
                end++;
            }
            boolean between = userFrameSeen && end < frames.length;
            if (between && end - i > 1) {
                lines.add("    ... " + (end - i) + " frames in " + moduleOf(frames, i, end));
                i = end;
            } else if (i == end) {
                lines.add("    at " + describe(frames[i]));
                userFrameSeen = true;
                i++;
            } else {
                for (; i < end; i++) {
                    lines.add("    at " + describe(frames[i]));
                }
            }
        }
        return lines;
    }

    // JShell names a snippet frame's file "#<snippet id>" and gives the line within the snippet;
    // the wrapper of top-level code has an empty method name.
    private String describe(StackTraceElement frame) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return ReplNames.clean(frame.toString());
        }
        String where = origins.describe(file.substring(1), frame.getLineNumber());
        String method = methodName(frame.getMethodName());
        if (method.isEmpty()) {
            return where;
        }
        String owner = ReplNames.clean(frame.getClassName());
        return (owner.isEmpty() ? "" : owner + ".") + method + " (" + where + ")";
    }

    // javac names a lambda lambda$<enclosing method>$<n>; the cell's own code is the method do_it$.
    private static String methodName(String method) {
        if (!method.startsWith("lambda$")) {
            return method;
        }
        String enclosing = method.substring("lambda$".length(), method.lastIndexOf('$'));
        return enclosing.isEmpty() || enclosing.startsWith("do_it$") ? "lambda" : "lambda in " + enclosing;
    }

    private static boolean isJdk(StackTraceElement frame) {
        String module = frame.getModuleName();
        if (module != null) {
            return module.startsWith("java.") || module.startsWith("jdk.");
        }
        String type = frame.getClassName();
        return type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.");
    }

    /** @return the module of frames [from, to), or "the JDK" when they span several or name none */
    private static String moduleOf(StackTraceElement[] frames, int from, int to) {
        String module = frames[from].getModuleName();
        for (int i = from + 1; i < to && module != null; i++) {
            if (!module.equals(frames[i].getModuleName())) {
                module = null;
            }
        }
        return module == null ? "the JDK" : module;
    }
}
