package org.lotterylab.kernel;

/**
 * The text of one cell (or of a file run with {@code %load}) with the name errors refer to it by.
 *
 * @param label how messages name the source, e.g. {@code In[3]} or a file name
 * @param text the source text
 */
record CellSource(String label, String text) {

    /**
     * @param offset a character offset into {@link #text()}
     * @return the 1-based line holding that offset
     */
    int lineOf(int offset) {
        int line = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * @param offset a character offset into {@link #text()}
     * @return the 1-based column of that offset within its line
     */
    int columnOf(int offset) {
        int clamped = Math.min(offset, text.length());
        return clamped - (text.lastIndexOf('\n', clamped - 1) + 1) + 1;
    }

    /**
     * @param line a 1-based line number
     * @return that line's text without its line break, empty past the end
     */
    String line(int line) {
        String[] lines = text.split("\n", -1);
        return line >= 1 && line <= lines.length ? lines[line - 1] : "";
    }
}
