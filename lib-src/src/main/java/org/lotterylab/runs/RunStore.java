package org.lotterylab.runs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The root of the experiment store, usually {@code Lab.runsDir()}.
 *
 * <pre>{@code
 * Run run = RunStore.at(Lab.runsDir()).experiment("lottery-ticket").run(config);
 * }</pre>
 */
public final class RunStore {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path root;

    private RunStore(Path root) {
        this.root = root;
    }

    /**
     * @param root the folder holding one sub-folder per experiment; created on first write
     * @return the store
     */
    public static RunStore at(Path root) {
        return new RunStore(root.toAbsolutePath());
    }

    /** @return the store's folder */
    public Path root() {
        return root;
    }

    /**
     * @param name the experiment's name: letters, digits, '.', '_' or '-' (it becomes a folder name)
     * @return the experiment
     * @throws IllegalArgumentException for any other name
     */
    public Experiment experiment(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("experiment name '" + name
                    + "' must be letters, digits, '.', '_' or '-' (it names a folder), e.g. \"lottery-ticket\"");
        }
        return new Experiment(root.resolve(name));
    }

    /** @return the experiments that have a folder, in name order */
    public List<Experiment> experiments() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory).sorted().map(Experiment::new).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
