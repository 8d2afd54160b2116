package org.lotterylab.data;

import java.nio.file.Path;

/**
 * A data file is there but cannot be what it claims to be (truncated download, wrong format). The
 * message names the file, what is wrong and the command that fetches it again.
 */
public class CorruptDataException extends RuntimeException {

    /**
     * Creates the exception.
     *
     * @param file the damaged file
     * @param problem what is wrong with it
     * @param cause the low-level error, or {@code null}
     */
    public CorruptDataException(Path file, String problem, Throwable cause) {
        super("Corrupt data file " + file + ": " + problem + ". Fetch it again with: "
                + DataCache.FETCH_COMMAND, cause);
    }
}
