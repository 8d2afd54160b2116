package org.lotterylab.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.lotterylab.AtomicFiles;
import org.lotterylab.Sha256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which files of one data cache have been checked against their SHA-256, so that each is hashed
 * once, not at every use: a file is trusted again while its size and modification time are those
 * it had when it was checked. (Re-fetching or editing a file changes them.)
 *
 * <p>What was checked is kept in memory for the JVM and in {@value #STAMPS} at the cache's root
 * (one line per file: path, size, modification time in ns, SHA-256) for later JVMs. A cache that
 * cannot be written is still checked, once per JVM; two JVMs writing at once may lose a line,
 * which only costs one more check.
 */
final class VerifiedFiles {

    /** The file at the cache's root that remembers checked files across JVMs. */
    static final String STAMPS = ".verified.tsv";

    private static final Logger LOG = LoggerFactory.getLogger(VerifiedFiles.class);
    private static final Map<Path, VerifiedFiles> BY_ROOT = new ConcurrentHashMap<>();

    /** What a file looked like when its content had the SHA-256 {@code sha256}. */
    private record Stamp(long size, long modifiedNanos, String sha256) {}

    private final Path root;
    private Map<String, Stamp> stamps;

    /** A fresh view of the cache's stamps; {@link #of} shares one per cache within a JVM. */
    VerifiedFiles(Path root) {
        this.root = root;
    }

    /** @return the checked files of the cache at {@code root}, shared within the JVM */
    static VerifiedFiles of(Path root) {
        return BY_ROOT.computeIfAbsent(root.toAbsolutePath().normalize(), VerifiedFiles::new);
    }

    /**
     * Makes sure a file has the SHA-256 the manifest lists, hashing it only when it is not known
     * to be unchanged since it last passed.
     *
     * @param file the file's path in the cache, {@code <dataset>/<file>}
     * @param sha256 the SHA-256 it must have
     * @throws CorruptDataException naming the file and the command that fetches it again
     */
    synchronized void verify(String file, String sha256) {
        Path path = root.resolve(file);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            Stamp now = new Stamp(attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), sha256);
            if (now.equals(stamps().get(file))) {
                return;
            }
            String actual = Sha256.of(path);
            if (!actual.equals(sha256)) {
                throw new CorruptDataException(path, "its SHA-256 is " + actual + " where data/manifest.tsv lists "
                        + sha256 + ", so it was damaged or altered after it was fetched", null);
            }
            stamps.put(file, now);
            save();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + " to check its SHA-256", e);
        }
    }

    private Map<String, Stamp> stamps() throws IOException {
        if (stamps == null) {
            stamps = new TreeMap<>();
            Path saved = root.resolve(STAMPS);
            if (Files.isRegularFile(saved)) {
                Files.readAllLines(saved).forEach(this::remember);
            }
        }
        return stamps;
    }

    /** A line that is not a stamp (a damaged stamp file) is skipped: its file is simply hashed again. */
    private void remember(String line) {
        String[] columns = line.split("\t");
        try {
            if (columns.length == 4) {
                stamps.put(columns[0], new Stamp(Long.parseLong(columns[1]), Long.parseLong(columns[2]), columns[3]));
            }
        } catch (NumberFormatException e) {
            LOG.debug("skipping a damaged line of {}: {}", root.resolve(STAMPS), line);
        }
    }

    private void save() {
        StringBuilder lines = new StringBuilder();
        stamps.forEach((file, stamp) -> lines.append(file).append('\t').append(stamp.size()).append('\t')
                .append(stamp.modifiedNanos()).append('\t').append(stamp.sha256()).append('\n'));
        try {
            AtomicFiles.write(root.resolve(STAMPS), lines.toString());
        } catch (IOException e) {
            // Only the next JVM pays: it hashes the file again.
            LOG.debug("cannot record checked files in {}: {}", root.resolve(STAMPS), e.getMessage());
        }
    }
}
