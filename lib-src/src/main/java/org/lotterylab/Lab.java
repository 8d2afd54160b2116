package org.lotterylab;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The facts of the environment a notebook runs in: its profile, its device and where data, runs
 * and reports live. Each fact comes from an environment variable when set, else from a default
 * that works inside a checkout of the project.
 *
 * <pre>{@code
 * System.out.println(Lab.describe());   // Lottery Lab · profile quick · device cpu() · PyTorch 2.7.1 ...
 * var train = Datasets.mnist(Split.TRAIN);
 * }</pre>
 */
public final class Lab {

    /** The file that marks the project's root directory. */
    static final String HOME_MARKER = "data/manifest.tsv";

    private static final Pattern DEVICE = Pattern.compile("(cpu|gpu)(?:\\(?(\\d+)\\)?)?");

    static {
        EngineSetup.preferOffline();
    }

    private Lab() {
    }

    /**
     * The experiment scale, from {@code LAB_PROFILE} (smoke, quick or full; default quick).
     *
     * @return the profile
     * @throws IllegalArgumentException naming the allowed values when {@code LAB_PROFILE} is none of them
     */
    public static Profile profile() {
        return env("LAB_PROFILE").map(Profile::parse).orElse(Profile.QUICK);
    }

    /**
     * The device computations run on, from {@code LAB_DEVICE} ({@code cpu}, {@code gpu}, {@code gpu(1)}),
     * else DJL's default device (a GPU where the engine sees one).
     *
     * @return the device
     * @throws IllegalArgumentException when {@code LAB_DEVICE} names no device
     */
    public static Device device() {
        EngineSetup.ensure();
        return env("LAB_DEVICE").map(Lab::parseDevice).orElseGet(() -> Engine.getInstance().defaultDevice());
    }

    /**
     * The project's root, from {@code LAB_HOME}, else the nearest ancestor of the working directory
     * that holds {@code data/manifest.tsv}, else the working directory.
     *
     * @return an absolute path
     */
    public static Path home() {
        Path workingDir = Path.of("").toAbsolutePath();
        return env("LAB_HOME").map(Path::of).orElseGet(() -> findHome(workingDir).orElse(workingDir));
    }

    /**
     * Where fetched data sets live, from {@code LAB_DATA}, else {@code home/data/cache}.
     *
     * @return the data cache's root
     */
    public static Path dataDir() {
        return env("LAB_DATA").map(Path::of).orElseGet(() -> home().resolve("data/cache"));
    }

    /**
     * Where the experiment store keeps its runs, from {@code LAB_RUNS}, else {@code home/runs}.
     *
     * @return the runs directory
     */
    public static Path runsDir() {
        return env("LAB_RUNS").map(Path::of).orElseGet(() -> home().resolve("runs"));
    }

    /**
     * Where notebooks write their reports and {@code results.json}, from {@code LAB_REPORTS},
     * else {@code home/reports}.
     *
     * @return the reports directory
     */
    public static Path reportsDir() {
        return env("LAB_REPORTS").map(Path::of).orElseGet(() -> home().resolve("reports"));
    }

    /**
     * One line a notebook prints first, so that every output says how it was made.
     *
     * @return e.g. {@code Lottery Lab · profile quick · device cpu() · PyTorch 2.7.1 (DJL 0.36.0) · 2 threads ·
     *     deterministic, oneDNN on}
     */
    public static String describe() {
        Engine engine = Engine.getInstance();
        return String.format("Lottery Lab · profile %s · device %s · %s %s (DJL %s) · %d threads · %s",
                profile(), device(), engine.getEngineName(), engine.getVersion(), Engine.getDjlVersion(),
                threads(engine), EngineSetup.ensure());
    }

    /**
     * Parses a device name as {@code LAB_DEVICE} accepts it.
     *
     * @param name {@code cpu}, {@code gpu}, {@code gpu1} or {@code gpu(1)}
     * @return the device
     */
    static Device parseDevice(String name) {
        Matcher m = DEVICE.matcher(name.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "Unknown device '" + name + "': LAB_DEVICE must be cpu, gpu or gpu(N), e.g. gpu(1)");
        }
        if (m.group(1).equals(Device.Type.CPU)) {
            return Device.cpu();
        }
        return Device.gpu(m.group(2) == null ? 0 : Integer.parseInt(m.group(2)));
    }

    /**
     * The nearest directory, from {@code start} upwards, that holds {@value #HOME_MARKER}.
     *
     * @param start where to begin
     * @return the project's root, if {@code start} lies inside one
     */
    static Optional<Path> findHome(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(HOME_MARKER))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    private static int threads(Engine engine) {
        // PyTorch keeps its own intra-op thread pool; other engines follow the JVM's processor count.
        return "PyTorch".equals(engine.getEngineName())
                ? JniUtils.getNumThreads()
                : Runtime.getRuntime().availableProcessors();
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }
}
