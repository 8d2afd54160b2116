package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The cells this kernel has executed, for Jupyter's history requests: the last cells, a range of
 * cell numbers, or the cells that match a glob pattern.
 *
 * <p>The history lives as long as the kernel: a restart starts an empty one, so the kernel only
 * ever knows one session, number {@value #SESSION}. Inputs are kept as they were typed (magics
 * included); the output of a cell is the plain text of its result, if it had one.
 */
final class CellHistory implements HistoryManager {

    /** The number of the only session the kernel knows, its own. */
    static final int SESSION = 1;

    private record Cell(int number, String input, String output) {}

    private final List<Cell> cells = new ArrayList<>();

    /**
     * Records an executed cell.
     *
     * @param number the cell's execution count
     * @param input the cell's code
     * @param output the plain text of the cell's result; {@code null} when it had none
     */
    synchronized void add(int number, String input, String output) {
        cells.add(new Cell(number, input, output));
    }

    /**
     * @param length the most cells to return; 0 (a request without {@code n}) returns all
     */
    @Override
    public synchronized List<HistoryEntry> lookupTail(int length, Set<ResultFlag> flags) {
        return entries(last(cells, length), flags);
    }

    /**
     * @param session {@value #SESSION}, or 0 for the current session as IPython counts; any other
     *        session, earlier ones included, has no cells here
     * @param start the first cell number wanted
     * @param stop the cell number to stop before; 0 (a request without {@code stop}) reads to the end
     */
    @Override
    public synchronized List<HistoryEntry> lookupRange(int session, int start, int stop, Set<ResultFlag> flags) {
        if (session != SESSION && session != 0) {
            return List.of();
        }
        List<Cell> range = cells.stream()
                .filter(cell -> cell.number() >= start && (stop == 0 || cell.number() < stop))
                .toList();
        return entries(range, flags);
    }

    /**
     * @param pattern an SQLite glob matched against whole cells, as IPython searches its history:
     *        {@code *} any text (line breaks included), {@code ?} one character, {@code [a-z]} and
     *        {@code [^a-z]} character classes; case-sensitive; {@code null} matches every cell
     * @param length the most cells to return, the latest ones; 0 returns all
     * @param flags with {@link ResultFlag#UNIQUE}, each input once, at its latest execution
     */
    @Override
    public synchronized List<HistoryEntry> search(String pattern, int length, Set<ResultFlag> flags) {
        Pattern glob = globToRegex(pattern == null ? "*" : pattern);
        List<Cell> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = cells.size() - 1; i >= 0; i--) {
            Cell cell = cells.get(i);
            if (glob.matcher(cell.input()).matches()
                    && (!flags.contains(ResultFlag.UNIQUE) || seen.add(cell.input()))) {
                found.add(cell);
            }
        }
        Collections.reverse(found);
        return entries(last(found, length), flags);
    }

    private static List<Cell> last(List<Cell> cells, int length) {
        return length <= 0 || length >= cells.size() ? cells : cells.subList(cells.size() - length, cells.size());
    }

    // An entry with an output is written [session, number, [input, output]], one without it
    // [session, number, input]: a request for outputs gets one for every cell, empty where there was none.
    private static List<HistoryEntry> entries(List<Cell> cells, Set<ResultFlag> flags) {
        boolean outputs = flags.contains(ResultFlag.INCLUDE_OUTPUT);
        return cells.stream()
                .map(cell -> outputs
                        ? new HistoryEntry(SESSION, cell.number(), cell.input(), cell.output() == null ? "" : cell.output())
                        : new HistoryEntry(SESSION, cell.number(), cell.input()))
                .toList();
    }

    /**
     * @param glob an SQLite glob
     * @return a regular expression that matches what the glob matches, whole
     */
    static Pattern globToRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            int close = c == '[' ? classEnd(glob, i) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                regex.append(characterClass(glob.substring(i + 1, close)));
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    // A ']' right after "[" or "[^" is a member of the class, not its end; -1 when the class is not closed.
    private static int classEnd(String glob, int open) {
        int first = glob.startsWith("^", open + 1) ? open + 2 : open + 1;
        return glob.indexOf(']', first + 1);
    }

    // Inside a glob's class only '^' (first), '-' (between two characters) and ']' (first) are special.
    private static String characterClass(String members) {
        StringBuilder regex = new StringBuilder("[");
        int from = 0;
        if (members.startsWith("^")) {
            regex.append('^');
            from = 1;
        }
        for (int i = from; i < members.length(); i++) {
            char c = members.charAt(i);
            boolean range = c == '-' && i > from && i < members.length() - 1;
            regex.append(range || Character.isLetterOrDigit(c) ? String.valueOf(c) : "\\" + c);
        }
        return regex.append(']').toString();
    }
}
