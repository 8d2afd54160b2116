package org.lotterylab.kernel;

/** A line magic, {@code %name arguments}: one line of a cell that the kernel runs itself. */
@FunctionalInterface
interface LineMagic {

    /**
     * @param arguments the rest of the line after the magic's name, trimmed
     * @throws Exception when the magic fails; a {@link CellException} is shown as it is
     */
    void run(String arguments) throws Exception;
}
