package org.lotterylab.kernel;

import java.util.List;

/**
 * A cell that failed in a way the user should read about: the kernel shows {@link #traceback()}
 * instead of its own stack trace and carries on.
 */
abstract class CellException extends Exception {

    private static final long serialVersionUID = 1L;

    CellException(String message) {
        super(message);
    }

    /** @return the lines the notebook shows for this failure */
    abstract List<String> traceback();
}
