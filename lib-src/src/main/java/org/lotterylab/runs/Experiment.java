package org.lotterylab.runs;

import ai.djl.ndarray.NDManager;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.lotterylab.prune.Mask;

/**
 * A named family of runs, {@code runs/<experiment>/}: one folder per distinct configuration.
 *
 * <pre>{@code
 * Experiment dense = RunStore.at(Lab.runsDir()).experiment("03-gsm-dense");
 * TrainingHistory once = dense.once(config, TrainingHistory.class, run -> train(...));      // computed once, then loaded
 * PerSeed<TrainingHistory> all = dense.acrossSeeds(Seeds.first(3), seed -> config.withSeed(seed),
 *         TrainingHistory.class, (seed, run) -> train(seed));                                 // one stored run per seed
 * }</pre>
 */
public final class Experiment {

    /** The checkpoint that holds the mask of a {@link #onceWithMask} run. */
    public static final String MASK_CHECKPOINT = "mask";

    private final Path dir;

    Experiment(Path dir) {
        this.dir = dir;
    }

    /** @return the experiment's name */
    public String name() {
        return dir.getFileName().toString();
    }

    /** @return the experiment's folder */
    public Path dir() {
        return dir;
    }

    /**
     * The run of a configuration: the same record (equal values) always gives the same folder, so
     * a finished run is found again and an interrupted one resumed.
     *
     * @param config the run's hyper-parameters, a record
     * @return the run, its folder created and its {@code config.json} written
     * @throws IllegalStateException naming the first differing component when the folder's
     *     {@code config.json} holds other values (a hand-edited file, or a hash prefix collision);
     *     its layout (indentation, key order, a final newline) does not matter
     */
    public Run run(Record config) {
        Run run = new Run(dir.resolve(ConfigHash.folderName(config)));
        var stored = run.read(Run.CONFIG);
        if (stored.isEmpty()) {
            run.writeAtomic(Run.CONFIG, ConfigHash.prettyJson(config));
            return run;
        }
        Path file = run.dir().resolve(Run.CONFIG);
        ConfigDifference.between(parse(file, stored.get()), ConfigHash.tree(config)).ifPresent(difference -> {
            throw new IllegalStateException(file + " holds another configuration than " + config + ": " + difference
                    + ". Move the folder " + run.dir() + " away (or undo the edit to its config.json)");
        });
        return run;
    }

    /**
     * The result of a configuration, computed the first time and loaded from the run's
     * {@code results.json} every time after: a re-executed notebook cell costs nothing.
     *
     * @param config what decides the result (data, seeds, hyper-parameters), a record
     * @param type the result's type, a record Gson can store
     * @param compute makes the result; it may write files into the run it is given (checkpoints, metrics)
     * @param <T> the result's type
     * @return the stored or the new result
     */
    public <T> T once(Record config, Class<T> type, Function<Run, T> compute) {
        Run run = run(config);
        return run.results(type).orElseGet(() -> {
            T result = compute.apply(run);
            run.markFinished(result);
            return result;
        });
    }

    /**
     * {@link #once} for every seed: each seed's configuration is its own run, computed once and
     * loaded afterwards, so an interrupted call resumes at the first seed not finished.
     *
     * @param seeds the seeds
     * @param config the configuration of one seed's run; it must hold the seed (different seeds,
     *     different records), or every seed would load the same run
     * @param type the result's type
     * @param compute makes one seed's result in its run
     * @param <T> the result's type
     * @return the results by seed
     * @throws IllegalArgumentException when two seeds give the same configuration
     */
    public <T> PerSeed<T> acrossSeeds(Seeds seeds, LongFunction<? extends Record> config, Class<T> type,
            BiFunction<Long, Run, T> compute) {
        Map<Long, Record> configs = new TreeMap<>();
        Map<String, Long> seedOf = new HashMap<>();
        for (long seed : seeds.values()) {
            Record seedConfig = config.apply(seed);
            Long earlier = seedOf.putIfAbsent(ConfigHash.of(seedConfig), seed);
            if (earlier != null) {
                throw new IllegalArgumentException("seeds " + earlier + " and " + seed + " give the same configuration "
                        + seedConfig + ": put the seed into the record, or every seed loads the same run");
            }
            configs.put(seed, seedConfig);
        }
        return seeds.map(seed -> once(configs.get(seed), type, run -> compute.apply(seed, run)));
    }

    /**
     * {@link #once} for a result that comes with a mask: the mask is stored as the run's checkpoint
     * {@value #MASK_CHECKPOINT} before the result marks the run finished, and loaded with it. A
     * finished run whose mask is missing or damaged is computed again.
     *
     * @param config what decides the result and the mask, a record
     * @param type the result's type
     * @param manager where a loaded mask's tensors are created
     * @param compute makes the result and its mask
     * @param <T> the result's type
     * @return the stored or the new result with its mask; close it when done with the mask
     */
    public <T> WithMask<T> onceWithMask(Record config, Class<T> type, NDManager manager,
            Function<Run, WithMask<T>> compute) {
        Run run = run(config);
        Optional<T> stored = run.results(type);
        if (stored.isPresent()) {
            Optional<Mask> mask = run.loadCheckpoint(MASK_CHECKPOINT, manager).map(Mask::of);
            if (mask.isPresent()) {
                return new WithMask<>(stored.get(), mask.get());
            }
            run.markUnfinished();
        }
        WithMask<T> made = compute.apply(run);
        run.saveCheckpoint(MASK_CHECKPOINT, made.mask().tensors());
        run.markFinished(made.result());
        return made;
    }

    private static JsonElement parse(Path file, String json) {
        try {
            return JsonParser.parseString(json);
        } catch (JsonParseException e) {
            throw new IllegalStateException(file + " is not valid JSON (" + e.getMessage() + "); move the folder "
                    + file.getParent() + " away, or repair the file", e);
        }
    }

    /**
     * @param hash a run's short hash (its folder's name)
     * @return the run, if one with that hash exists
     */
    public Optional<Run> find(String hash) {
        Path runDir = dir.resolve(hash);
        return Files.exists(runDir.resolve(Run.CONFIG)) ? Optional.of(new Run(runDir)) : Optional.empty();
    }

    /** @return the experiment's runs, finished or not, in folder-name order */
    public List<Run> runs() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(dir)) {
            return children.filter(child -> Files.exists(child.resolve(Run.CONFIG))).sorted().map(Run::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    @Override
    public String toString() {
        return "Experiment " + name() + " at " + dir;
    }
}
