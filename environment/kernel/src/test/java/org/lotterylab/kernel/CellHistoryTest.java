package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.kernel.history.HistoryManager.ResultFlag;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    private static final Set<ResultFlag> NONE = EnumSet.noneOf(ResultFlag.class);

    private static CellHistory history(String... inputs) {
        CellHistory history = new CellHistory();
        for (int i = 0; i < inputs.length; i++) {
            history.add(i + 1, inputs[i], null);
        }
        return history;
    }

    private static List<String> inputs(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getInput).toList();
    }

    private static List<Integer> numbers(List<HistoryEntry> entries) {
        return entries.stream().map(HistoryEntry::getCellNumber).toList();
    }

    @Test
    void tailIsTheLastCellsInOrder() {
        CellHistory history = history("a", "b", "c");
        assertEquals(List.of("b", "c"), inputs(history.lookupTail(2, NONE)));
        assertEquals(List.of("a", "b", "c"), inputs(history.lookupTail(10, NONE)));
        assertEquals(List.of("a", "b", "c"), inputs(history.lookupTail(0, NONE)), "no n: all of them");
        assertTrue(history.lookupTail(2, NONE).stream().allMatch(entry -> entry.getSession() == CellHistory.SESSION));
    }

    @Test
    void rangeStopsBeforeStop() {
        CellHistory history = history("a", "b", "c", "d");
        assertEquals(List.of(2, 3), numbers(history.lookupRange(CellHistory.SESSION, 2, 4, NONE)));
        assertEquals(List.of(3, 4), numbers(history.lookupRange(CellHistory.SESSION, 3, 0, NONE)), "no stop: to the end");
        assertEquals(List.of(1), numbers(history.lookupRange(0, 1, 2, NONE)), "session 0 is the current one");
        assertTrue(history.lookupRange(-1, 1, 5, NONE).isEmpty(), "no earlier sessions");
        assertTrue(history.lookupRange(2, 1, 5, NONE).isEmpty());
    }

    @Test
    void outputsAreTheResultsTextOrEmpty() {
        CellHistory history = new CellHistory();
        history.add(1, "1 + 1", "2");
        history.add(2, "int x = 3;", null);
        List<HistoryEntry> entries = history.lookupTail(2, EnumSet.of(ResultFlag.INCLUDE_OUTPUT));
        assertEquals(List.of("2", ""), entries.stream().map(HistoryEntry::getOutput).toList());
        assertFalse(history.lookupTail(1, NONE).get(0).hasOutput());
    }

    @Test
    void searchMatchesWholeCellsWithAGlob() {
        CellHistory history = history("1 + 2", "1 + 22", "x = 1 + 2", "for (int i = 0;\ni < 3; i++) {}", "Math.max(1, 2)");
        assertEquals(List.of("1 + 2"), inputs(history.search("1 ? 2", 0, NONE)));
        assertEquals(List.of("1 + 2", "1 + 22"), inputs(history.search("1 + 2*", 0, NONE)));
        assertEquals(List.of("for (int i = 0;\ni < 3; i++) {}"), inputs(history.search("for*{}", 0, NONE)),
                "a star crosses line breaks");
        assertEquals(List.of("Math.max(1, 2)"), inputs(history.search("Math.max(*)", 0, NONE)),
                "regular-expression characters are literal");
        assertEquals(List.of("1 + 2", "1 + 22", "x = 1 + 2"), inputs(history.search("[1x]*2", 0, NONE)));
        assertEquals(List.of("x = 1 + 2"), inputs(history.search("[^0-9]*2", 0, NONE)));
        assertEquals(List.of("1 + 2", "1 + 22"), inputs(history.search("[0-9] + [0-9]*", 0, NONE)));
        assertTrue(history.search("math*", 0, NONE).isEmpty(), "case matters, as in SQLite's GLOB");
        assertEquals(5, history.search(null, 0, NONE).size());
    }

    @Test
    void aBracketRightAfterTheOpeningOneIsAMember() {
        CellHistory history = history("a]", "b]", "[x");
        assertEquals(List.of("a]"), inputs(history.search("[]a]]", 0, NONE)));
        assertEquals(List.of("b]"), inputs(history.search("[^]a]]", 0, NONE)));
        assertEquals(List.of("[x"), inputs(history.search("[x", 0, NONE)), "an unclosed class is a literal");
    }

    @Test
    void searchKeepsTheLatestAndUniqueInputs() {
        CellHistory history = history("1 + 2", "y", "1 + 2", "1 + 2", "z");
        assertEquals(List.of(1, 3, 4), numbers(history.search("1*", 0, NONE)));
        assertEquals(List.of(3, 4), numbers(history.search("1*", 2, NONE)), "n: the latest matches");
        assertEquals(List.of(4), numbers(history.search("1*", 0, EnumSet.of(ResultFlag.UNIQUE))),
                "unique: each input once, at its latest execution");
        assertEquals(List.of(2, 4, 5), numbers(history.search("*", 3, EnumSet.of(ResultFlag.UNIQUE))));
    }

    @Test
    void historyReplyWritesEntriesAsArrays() {
        CellHistory history = new CellHistory();
        history.add(1, "1 + 1", "2");
        String withOutput = new Gson().toJson(new ProtocolReplies.History(
                history.lookupTail(1, EnumSet.of(ResultFlag.INCLUDE_OUTPUT))));
        assertEquals("{\"status\":\"ok\",\"history\":[[1,1,[\"1 + 1\",\"2\"]]]}", withOutput);
        String inputOnly = new Gson().toJson(new ProtocolReplies.History(history.lookupTail(1, NONE)));
        assertEquals("{\"status\":\"ok\",\"history\":[[1,1,\"1 + 1\"]]}", inputOnly);
    }
}
