package org.lotterylab.kernel;

import java.util.Optional;

/** A cell magic, {@code %%name arguments} on a cell's first line, which takes the whole cell. */
@FunctionalInterface
interface CellMagic {

    /**
     * @param arguments the rest of the first line after the magic's name, trimmed
     * @param body the cell without its first line (kept as a blank line, so line numbers still match)
     * @param cells runs the body when the magic wants it run
     * @return the value the cell shows
     * @throws Exception when the magic or the body fails
     */
    Optional<CellValue> run(String arguments, CellSource body, CellRunner cells) throws Exception;
}
