package org.lotterylab.report;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A Tablesaw table as a compact HTML table for a notebook: header, right-aligned numbers, at most
 * {@link #MAX_ROWS} rows with a note of how many there are in all. Cells are written as the
 * columns' own print formatters write them.
 */
final class HtmlTable {

    /** Longer tables show their first rows only: a notebook page is not a spreadsheet. */
    static final int MAX_ROWS = 50;

    private HtmlTable() {
    }

    /**
     * @param table the table
     * @return an HTML fragment
     */
    static String of(Table table) {
        StringBuilder html = new StringBuilder("<table class=\"lab-table\">\n");
        if (!table.name().isBlank()) {
            html.append("<caption>").append(escape(table.name())).append("</caption>\n");
        }
        html.append("<thead><tr>");
        for (Column<?> column : table.columns()) {
            html.append(cellTag("th", column)).append(escape(column.name())).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(table.rowCount(), MAX_ROWS);
        for (int row = 0; row < shown; row++) {
            html.append("<tr>");
            for (Column<?> column : table.columns()) {
                html.append(cellTag("td", column)).append(escape(column.getString(row))).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n");
        if (shown < table.rowCount()) {
            html.append("<p><em>first ").append(shown).append(" of ").append(table.rowCount()).append(" rows</em></p>\n");
        }
        return html.toString();
    }

    private static String cellTag(String tag, Column<?> column) {
        return column instanceof NumericColumn<?> ? "<" + tag + " style=\"text-align:right\">" : "<" + tag + ">";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
