package org.lotterylab.kernel;

import java.util.List;

/** The user interrupted the kernel while this cell ran; the cell's remaining code was skipped. */
final class CellInterruptedException extends CellException {

    private static final long serialVersionUID = 1L;

    CellInterruptedException() {
        super("Cell interrupted: its thread was stopped and the rest of the cell skipped");
    }

    @Override
    List<String> traceback() {
        return List.of("Interrupted: " + getMessage());
    }
}
