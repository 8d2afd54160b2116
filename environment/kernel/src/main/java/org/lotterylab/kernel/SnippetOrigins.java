package org.lotterylab.kernel;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from, so that a stack frame of a snippet (JShell names
 * it {@code #id:line}) can be reported as a line of the cell the user wrote, even when the snippet
 * is a method defined in an earlier cell.
 */
final class SnippetOrigins {

    /** Where a snippet starts: the source's label and the line of its first character. */
    record Origin(String label, int firstLine) {

        /**
         * @param snippetLine a 1-based line within the snippet
         * @return e.g. {@code In[3] line 5}
         */
        String describe(int snippetLine) {
            return label + " line " + (firstLine + snippetLine - 1);
        }
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    /**
     * @param snippetId JShell's snippet id
     * @param source the cell the snippet was cut from
     * @param offset where the snippet starts in the cell
     */
    void record(String snippetId, CellSource source, int offset) {
        origins.put(snippetId, new Origin(source.label(), source.lineOf(offset)));
    }

    /**
     * @param snippetId JShell's snippet id
     * @param snippetLine a 1-based line within the snippet
     * @return where that line is in the user's cells, or {@code snippet #id line n} if unknown
     */
    String describe(String snippetId, int snippetLine) {
        Origin origin = origins.get(snippetId);
        return origin == null ? "snippet #" + snippetId + " line " + snippetLine : origin.describe(snippetLine);
    }
}
