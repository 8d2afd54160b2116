package org.lotterylab.data;

import org.lotterylab.Lab;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place that knows where fetched data sets live: {@code <root>/<dataset>/<file>}, as laid
 * out by {@value #FETCH_COMMAND}. Notebooks use {@link #standard()} (that is {@link Lab#dataDir()});
 * tests point a cache at a temporary directory.
 *
 * @param root the cache's root directory
 */
public record DataCache(Path root) {

    /** The command that fetches every data set into the cache. */
    public static final String FETCH_COMMAND = "environment/lab data";

    /**
     * The cache the environment points at.
     *
     * @return a cache rooted at {@link Lab#dataDir()}
     */
    public static DataCache standard() {
        return new DataCache(Lab.dataDir());
    }

    /**
     * The path of one file of a data set, which must exist.
     *
     * @param dataset the data set's directory, e.g. {@code mnist}
     * @param file the file's name inside it
     * @return the file's path
     * @throws MissingDataException when the file is not there
     */
    public Path require(String dataset, String file) {
        Path path = root.resolve(dataset).resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new MissingDataException(dataset, path);
        }
        return path;
    }
}
