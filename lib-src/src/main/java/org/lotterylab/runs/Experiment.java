package org.lotterylab.runs;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A named family of runs, {@code runs/<experiment>/}: one folder per distinct configuration.
 */
public final class Experiment {

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
