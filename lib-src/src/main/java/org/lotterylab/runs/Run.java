package org.lotterylab.runs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.Table;

/**
 * One run of an experiment: the folder {@code runs/<experiment>/<hash>/} named by the hash of its
 * configuration, and everything written there.
 *
 * <ul>
 *   <li>{@code config.json}: the configuration record, canonical JSON;</li>
 *   <li>{@code metrics.csv}: one row per epoch or round ({@link #appendMetrics(Map)});</li>
 *   <li>{@code checkpoints/<name>.ckpt}: named tensors with a SHA-256 ({@link #saveCheckpoint});</li>
 *   <li>{@code results.json}: written last, it marks the run finished ({@link #markFinished}).</li>
 * </ul>
 *
 * <p>Every write is atomic. Store errors are thrown as {@link UncheckedIOException} so that
 * notebook code and lambdas need no {@code throws} clauses.
 */
public final class Run {

    /** The file whose presence means the run is finished. */
    public static final String RESULTS = "results.json";
    /** The file holding the run's configuration. */
    public static final String CONFIG = "config.json";

    private static final Logger LOG = LoggerFactory.getLogger(Run.class);
    private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().setPrettyPrinting().create();

    private final Path dir;
    private final MetricsCsv metrics;

    Run(Path dir) {
        this.dir = dir;
        this.metrics = new MetricsCsv(dir.resolve("metrics.csv"));
    }

    /** @return the run's folder */
    public Path dir() {
        return dir;
    }

    /** @return the run's short hash, also its folder's name */
    public String hash() {
        return dir.getFileName().toString();
    }

    /** @return the name of the experiment the run belongs to */
    public String experiment() {
        return dir.getParent().getFileName().toString();
    }

    /** @return the configuration as stored in {@code config.json} */
    public String configJson() {
        return read(CONFIG).orElseThrow(() -> new IllegalStateException(dir + " has no " + CONFIG));
    }

    /** @return whether {@link #markFinished(Object)} has completed for this run */
    public boolean isFinished() {
        return Files.exists(dir.resolve(RESULTS));
    }

    /**
     * Records the run's results and so marks it finished; later executions load them instead of
     * recomputing.
     *
     * @param results a record (or map) of what the run produced, serialised with Gson
     */
    public void markFinished(Object results) {
        writeAtomic(RESULTS, GSON.toJson(results));
    }

    /**
     * @param type the record type given to {@link #markFinished(Object)}
     * @param <T> that type
     * @return the stored results, or empty while the run is not finished
     */
    public <T> Optional<T> results(Class<T> type) {
        return read(RESULTS).map(json -> GSON.fromJson(json, type));
    }

    /**
     * Writes a file of the run atomically.
     *
     * @param fileName a path relative to the run's folder, e.g. {@code "tickets/round-03.json"}
     * @param content the complete content
     */
    public void writeAtomic(String fileName, byte[] content) {
        try {
            AtomicFiles.write(dir.resolve(fileName), content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dir.resolve(fileName), e);
        }
    }

    /**
     * Writes a text file of the run atomically, as UTF-8.
     *
     * @param fileName a path relative to the run's folder
     * @param content the complete content
     */
    public void writeAtomic(String fileName, String content) {
        writeAtomic(fileName, content.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * @param fileName a path relative to the run's folder
     * @return the file's text, or empty when it does not exist
     */
    public Optional<String> read(String fileName) {
        Path file = dir.resolve(fileName);
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Saves named tensors (weights, a mask, a snapshot) with their SHA-256.
     *
     * @param name the checkpoint's name, e.g. {@code "round-02-mask"}
     * @param tensors the tensors by name, in the order they are to be restored
     */
    public void saveCheckpoint(String name, Map<String, NDArray> tensors) {
        try {
            AtomicFiles.write(checkpointFile(name), CheckpointFile.encode(tensors));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + checkpointFile(name), e);
        }
    }

    /**
     * Loads a checkpoint written by {@link #saveCheckpoint}. A damaged file (bad header, truncated,
     * SHA-256 mismatch) is never used: a warning names it and it is renamed to {@code *.corrupt} for
     * inspection. The result is then empty, as for a missing checkpoint: the caller recomputes it
     * or says how.
     *
     * @param name the checkpoint's name
     * @param manager where the tensors are created (and so their device)
     * @return the tensors by name, or empty when missing or corrupt
     */
    public Optional<Map<String, NDArray>> loadCheckpoint(String name, NDManager manager) {
        Path file = checkpointFile(name);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CheckpointFile.decode(Files.readAllBytes(file), manager));
        } catch (CheckpointFile.CorruptException e) {
            setAside(file, e);
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
    }

    /**
     * Checks a checkpoint without loading its tensors, as a finished run does before serving it.
     * A damaged file is handled as by {@link #loadCheckpoint}: named in a warning and set aside.
     *
     * @param name the checkpoint's name
     * @return whether the checkpoint is there and intact
     */
    public boolean hasIntactCheckpoint(String name) {
        Path file = checkpointFile(name);
        if (!Files.exists(file)) {
            return false;
        }
        try {
            CheckpointFile.verify(Files.readAllBytes(file));
            return true;
        } catch (CheckpointFile.CorruptException e) {
            setAside(file, e);
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read checkpoint " + file, e);
        }
    }

    /**
     * Removes the mark of a finished run (its {@code results.json}), so that the code that made it
     * runs again and recomputes what is missing, e.g. after a checkpoint was found damaged.
     */
    public void markUnfinished() {
        delete(RESULTS);
    }

    /**
     * Deletes a file of the run, if it exists.
     *
     * @param fileName a path relative to the run's folder, e.g. {@code "rounds/round-03.json"}
     */
    public void delete(String fileName) {
        try {
            Files.deleteIfExists(dir.resolve(fileName));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir.resolve(fileName), e);
        }
    }

    /**
     * Appends one row to {@code metrics.csv}; every row of a run has the same columns.
     *
     * @param row column name → number or plain word, in column order (use a {@code LinkedHashMap})
     */
    public void appendMetrics(Map<String, ?> row) {
        try {
            metrics.append(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to " + dir.resolve("metrics.csv"), e);
        }
    }

    /**
     * Drops the rows of units (epochs, rounds) after the last completed one, so that a resumed unit
     * does not repeat the rows its interrupted attempt already wrote.
     *
     * @param unitColumn the integer column numbering units, e.g. {@code "round"}
     * @param lastCompleted the last unit whose results are kept
     */
    public void discardMetricsAfter(String unitColumn, long lastCompleted) {
        try {
            metrics.retain(unitColumn, value -> Long.parseLong(value) <= lastCompleted);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rewrite " + dir.resolve("metrics.csv"), e);
        }
    }

    /** @return {@code metrics.csv} as a table (no rows while nothing was appended) */
    public Table metrics() {
        try {
            var lines = metrics.lines();
            return lines.isEmpty() ? Table.create(hash()) : Table.read().csv(String.join("\n", lines), hash());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + dir.resolve("metrics.csv"), e);
        }
    }

    @Override
    public String toString() {
        return "Run " + experiment() + "/" + hash() + (isFinished() ? " (finished)" : "");
    }

    private Path checkpointFile(String name) {
        return dir.resolve("checkpoints").resolve(name + ".ckpt");
    }

    private static void setAside(Path file, CheckpointFile.CorruptException problem) {
        Path aside = file.resolveSibling(file.getFileName() + ".corrupt");
        LOG.warn("Corrupt checkpoint {}: {}; it is not used and is kept for inspection as {}",
                file, problem.getMessage(), aside.getFileName());
        try {
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the corrupt checkpoint " + file + " aside", e);
        }
    }
}
