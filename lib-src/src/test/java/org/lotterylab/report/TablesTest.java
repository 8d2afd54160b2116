package org.lotterylab.report;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TablesTest {

    /** A row as a notebook would declare it. */
    public record Result(String method, int seed, long steps, double accuracy, boolean ticket) {
    }

    @Test
    void recordsBecomeTypedColumns() {
        Table table = Tables.of("results", List.of(new Result("IMP", 0, 100L, 98.5, true), new Result("random", 1, 200L, 97.0, false)));
        assertEquals(List.of("method", "seed", "steps", "accuracy", "ticket"), table.columnNames());
        assertEquals(List.of(ColumnType.STRING, ColumnType.INTEGER, ColumnType.LONG, ColumnType.DOUBLE, ColumnType.BOOLEAN),
                table.columns().stream().map(c -> c.type()).toList());
        assertEquals(97.0, table.doubleColumn("accuracy").get(1));
        assertThrows(IllegalArgumentException.class, () -> Tables.of("empty", List.<Result>of()));
    }

    @Test
    void mapsBecomeTwoColumns() {
        Table table = Tables.of("density", Map.of("fc1", 0.25), "layer", "density");
        assertEquals("fc1", table.stringColumn("layer").get(0));
        assertEquals(0.25, table.doubleColumn("density").get(0));
    }

    @Test
    void htmlHasHeaderCellsEscapedAndRightAlignedNumbers() {
        Table table = Tables.of("a<b", List.of(new Result("<IMP>", 3, 1L, 98.5, true)));
        String html = HtmlTable.of(table);
        assertTrue(html.contains("<caption>a&lt;b</caption>"), html);
        assertTrue(html.contains("<th>method</th>"), html);
        assertTrue(html.contains("<td>&lt;IMP&gt;</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">3</td>"), html);
        assertFalse(html.contains("rows</em>"), html);
    }

    @Test
    void longTablesSayHowManyRowsTheyHave() {
        Table table = Table.create("long", IntColumn.indexColumn("i", 120, 0));
        String html = HtmlTable.of(table);
        assertTrue(html.contains("first " + HtmlTable.MAX_ROWS + " of 120 rows"), html);
        assertEquals(HtmlTable.MAX_ROWS + 1, html.split("<tr>").length - 1);
    }
}
