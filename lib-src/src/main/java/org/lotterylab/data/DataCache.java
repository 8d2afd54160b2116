package org.lotterylab.data;

import org.lotterylab.Lab;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The one place that knows where fetched data sets live: {@code <root>/<dataset>/<file>}, as laid
 * out by {@value #FETCH_COMMAND}, and what they must contain. Notebooks use {@link #standard()}
 * (that is {@link Lab#dataDir()}); tests point a cache at a temporary directory.
 *
 * <p>Before its first use, a file the manifest lists is checked against its SHA-256, so that a
 * file damaged or altered in place is refused instead of read as wrong data; the check is
 * remembered by the file's size and modification time (see {@link VerifiedFiles}), so later uses
 * cost one {@code stat}.
 *
 * @param root the cache's root directory
 * @param manifest the SHA-256 each file must have
 */
public record DataCache(Path root, DataManifest manifest) {

    /** The command that fetches every data set into the cache. */
    public static final String FETCH_COMMAND = "environment/lab data";

    /**
     * A cache checked against the project's {@code data/manifest.tsv}.
     *
     * @param root the cache's root directory
     */
    public DataCache(Path root) {
        this(root, DataManifest.bundled());
    }

    /**
     * The cache the environment points at.
     *
     * @return a cache rooted at {@link Lab#dataDir()}
     */
    public static DataCache standard() {
        return new DataCache(Lab.dataDir());
    }

    /**
     * The path of one file of a data set, which must exist and, when the manifest lists it, have
     * its SHA-256.
     *
     * @param dataset the data set's directory, e.g. {@code mnist}
     * @param file the file's name inside it
     * @return the file's path
     * @throws MissingDataException when the file is not there
     * @throws CorruptDataException when its content differs from the manifest's
     */
    public Path require(String dataset, String file) {
        Path path = root.resolve(dataset).resolve(file);
        if (!Files.isRegularFile(path)) {
            throw new MissingDataException(dataset, path);
        }
        String inCache = dataset + "/" + file;
        manifest.sha256(inCache).ifPresent(sha256 -> VerifiedFiles.of(root).verify(inCache, sha256));
        return path;
    }
}
