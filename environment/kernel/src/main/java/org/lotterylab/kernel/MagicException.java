package org.lotterylab.kernel;

import java.util.List;

/** A magic ({@code %maven}, {@code %classpath}, ...) that could not do its job, with the reason. */
final class MagicException extends CellException {

    private static final long serialVersionUID = 1L;

    MagicException(String message) {
        super(message);
    }

    @Override
    List<String> traceback() {
        return List.of("Magic error: " + getMessage());
    }
}
