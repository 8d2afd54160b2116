package org.lotterylab.kernel;

import java.util.List;

/**
 * A cell's Java code cut into JShell snippets by syntax alone, before any of it runs.
 *
 * @param source the cell
 * @param snippets the snippets in order
 */
record ParsedCell(CellSource source, List<Piece> snippets) {

    /**
     * One snippet of the cell.
     *
     * @param offset where it starts in the cell's text
     * @param code its source, as JShell completed it (a missing final semicolon added)
     */
    record Piece(int offset, String code) {}
}
