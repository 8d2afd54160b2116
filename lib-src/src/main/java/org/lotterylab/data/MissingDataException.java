package org.lotterylab.data;

import java.nio.file.Path;

/**
 * A data set's file is not in the data cache. The message names the data set, the path that was
 * expected and the command that fetches it.
 */
public class MissingDataException extends RuntimeException {

    /** The data set that is missing. */
    private final String dataset;
    /** The file that was expected; kept out of the serialised form, since a Path is not serialisable. */
    private final transient Path path;

    /**
     * Creates the exception.
     *
     * @param dataset the data set, e.g. {@code mnist}
     * @param path the file that was expected
     */
    public MissingDataException(String dataset, Path path) {
        super("The " + dataset + " data set is missing: expected " + path
                + ". Fetch it with: " + DataCache.FETCH_COMMAND);
        this.dataset = dataset;
        this.path = path;
    }

    /**
     * The data set that is missing.
     *
     * @return e.g. {@code mnist}
     */
    public String dataset() {
        return dataset;
    }

    /**
     * The file that was expected.
     *
     * @return its path
     */
    public Path path() {
        return path;
    }
}
