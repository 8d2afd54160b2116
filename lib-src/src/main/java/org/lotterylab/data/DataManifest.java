package org.lotterylab.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The SHA-256 that every fetched data file must have, by its path in the data cache
 * ({@code mnist/train-images-idx3-ubyte}). The library carries a copy of the project's
 * {@code data/manifest.tsv} (columns file, sha256, source, version), made by the build, so that it
 * checks files against the same hashes as {@code data/fetch}.
 */
public final class DataManifest {

    /** Where the build puts the copy of {@code data/manifest.tsv} on the class path. */
    static final String RESOURCE = "manifest.tsv";

    private static final class Bundled {
        static final DataManifest INSTANCE = read();
    }

    private final Map<String, String> sha256ByFile;

    private DataManifest(Map<String, String> sha256ByFile) {
        this.sha256ByFile = Map.copyOf(sha256ByFile);
    }

    /** @return the hashes of {@code data/manifest.tsv}, as the library was built with them */
    public static DataManifest bundled() {
        return Bundled.INSTANCE;
    }

    /**
     * @param sha256ByFile lower-case hex SHA-256 by path in the cache, e.g. for hand-made test data
     * @return a manifest of those files
     */
    public static DataManifest of(Map<String, String> sha256ByFile) {
        return new DataManifest(sha256ByFile);
    }

    /** @return a manifest that lists no file, so nothing is checked: for made-up files in tests */
    public static DataManifest none() {
        return new DataManifest(Map.of());
    }

    /**
     * @param file a path in the cache, {@code <dataset>/<file>} with '/' separators
     * @return the SHA-256 the file must have, or empty when the manifest does not list it
     */
    public Optional<String> sha256(String file) {
        return Optional.ofNullable(sha256ByFile.get(file));
    }

    private static DataManifest read() {
        try (InputStream in = DataManifest.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the library was built without its copy of data/manifest.tsv ("
                        + RESOURCE + " beside " + DataManifest.class.getName() + "); rebuild it with Maven");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library's copy of data/manifest.tsv", e);
        }
    }

    /** Rows after the header: file, sha256, source, version; blank lines and '#' comments skipped, as data/fetch does. */
    static DataManifest parse(String tsv) {
        Map<String, String> hashes = new LinkedHashMap<>();
        tsv.lines().skip(1).filter(line -> !line.isBlank() && !line.startsWith("#")).forEach(line -> {
            String[] columns = line.split("\t");
            if (columns.length < 2) {
                throw new IllegalStateException("data/manifest.tsv has a row without a SHA-256: '" + line + "'");
            }
            hashes.put(columns[0], columns[1]);
        });
        return new DataManifest(hashes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof DataManifest manifest && sha256ByFile.equals(manifest.sha256ByFile);
    }

    @Override
    public int hashCode() {
        return sha256ByFile.hashCode();
    }

    @Override
    public String toString() {
        return "DataManifest(" + sha256ByFile.size() + " files)";
    }
}
