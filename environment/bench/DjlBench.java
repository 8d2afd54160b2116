import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.RandomAccessDataset;
import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.lotterylab.EngineSetup;
import org.lotterylab.Lab;
import org.lotterylab.OperatorProfile;
import org.lotterylab.data.Datasets;
import org.lotterylab.data.ImageData;
import org.lotterylab.data.Split;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Prune;
import org.lotterylab.train.Evaluate;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.StepTimes;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingConfig;

/**
 * The DJL half of {@code environment/lab bench}: times the library's training loop
 * ({@link Training#fit}, dense or masked) on Fashion-MNIST. Run with the library on the class path
 * by {@code environment/bench/bench.py}, which interleaves these measurements with PyTorch's.
 *
 * <p>It answers on stdout, one JSON object per line (everything else the library prints goes to
 * stderr): first a greeting with the engine, the device and every parameter's shape (so the
 * PyTorch models can be checked against the library's), then one answer per request read from
 * stdin. Four requests:
 * <ul>
 *   <li>{@code train MODEL BATCH dense|masked WARMUP ITERATIONS}: the seconds of the ITERATIONS
 *       steps that follow the WARMUP ones, from one call of {@code fit} (a fresh trainer and
 *       optimizer, one epoch over exactly WARMUP + ITERATIONS batches), and where they went, phase
 *       by phase ({@link StepTimes});
 *   <li>{@code profile MODEL BATCH STEPS}: one dense run of STEPS steps under PyTorch's profiler
 *       ({@link OperatorProfile}), per step: the milliseconds inside operators, outside them (Java,
 *       JNI, DJL) and of the most expensive operators;
 *   <li>{@code evaluate MODEL BATCH IMAGES}: the seconds of one pass of inference over the first IMAGES
 *       training images (as PyTorch's side does) in batches of BATCH ({@link Evaluate#accuracy}), after one warm-up pass;
 *   <li>{@code masks MODEL REPEATS}: the seconds, each time, of the mask operations alone that the
 *       masked loop adds to a step (zero the masked gradients, apply the mask to the weights):
 *       a check on the masked overhead that a busy machine hardly blurs, since they last about a
 *       millisecond and the fastest of many repeats can be taken.
 * </ul>
 *
 * <p>Arguments: the sparsity of the masked runs (e.g. 0.8), then the model names.
 */
public final class DjlBench {

    private static final Gson JSON = new Gson();
    private static final double LEARNING_RATE = 0.01;
    private static final double MOMENTUM = 0.9;
    /** Longs written between timings of the mask operations: 64 MiB, more than the CPU caches hold. */
    private static final int SCRATCH = 8 << 20;
    /** Longs per 64-byte cache line. */
    private static final int LINE = 8;

    private DjlBench() {}

    /** A model with the mask its masked runs use. */
    private record Subject(Net net, Mask mask) {}

    /**
     * @param args the sparsity of the masked runs, then the names of the models to serve
     * @throws Exception when the data or the engine cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        PrintStream answers = System.out;
        // The library's console progress bar would otherwise mix with the answers.
        System.setOut(System.err);
        double sparsity = Double.parseDouble(args[0]);
        Device device = Lab.device();
        try (NDManager manager = NDManager.newBaseManager(device)) {
            ImageData raw = Datasets.fashionMnist(Split.TRAIN);
            ImageData train = raw.normalized();
            ImageData test = Datasets.fashionMnist(Split.TEST).normalized(raw.mean(), raw.std());
            Map<String, Subject> subjects = new LinkedHashMap<>();
            Map<String, Map<String, long[]>> shapes = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                Net net = Models.create(args[i], 1, 10).initialize(manager, 0);
                try (Mask ones = Mask.ones(net)) {
                    subjects.put(args[i], new Subject(net, Prune.magnitude().global().prune(net, ones, sparsity)));
                }
                Map<String, long[]> layers = new LinkedHashMap<>();
                net.parameters().forEach((name, p) -> layers.put(name, p.getArray().getShape().getShape()));
                shapes.put(args[i], layers);
            }
            Engine engine = Engine.getInstance();
            Map<String, Object> hello = new LinkedHashMap<>();
            hello.put("engine", engine.getEngineName() + " " + engine.getVersion() + " (DJL " + Engine.getDjlVersion() + ")");
            hello.put("device", device.toString());
            hello.put("setup", EngineSetup.ensure().toString());
            hello.put("shapes", shapes);
            Map<String, Double> density = new LinkedHashMap<>();
            subjects.forEach((name, s) -> density.put(name, s.mask().density()));
            hello.put("density", density);
            answers.println(JSON.toJson(hello));
            answers.flush();

            BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = requests.readLine()) != null && !line.isBlank(); ) {
                String[] r = line.trim().split("\\s+");
                Subject subject = subjects.get(r[1]);
                if (r[0].equals("masks")) {
                    answers.println(JSON.toJson(Map.of("seconds", maskOperations(subject, Integer.parseInt(r[2])))));
                } else if (r[0].equals("profile")) {
                    int batch = Integer.parseInt(r[2]);
                    int steps = Integer.parseInt(r[3]);
                    ImageData images = train.first(steps * batch);
                    OperatorProfile profile = OperatorProfile.of(
                            () -> measure(manager, subject, false, images, test.first(batch), batch, 0));
                    answers.println(JSON.toJson(perStep(profile, steps)));
                } else if (r[0].equals("evaluate")) {
                    double seconds = evaluation(manager, subject.net(), train.first(Integer.parseInt(r[3])),
                            Integer.parseInt(r[2]));
                    answers.println(JSON.toJson(Map.of("seconds", seconds)));
                } else {
                    int batch = Integer.parseInt(r[2]);
                    int warmup = Integer.parseInt(r[4]);
                    int iterations = Integer.parseInt(r[5]);
                    StepTimes times = measure(manager, subject, r[3].equals("masked"),
                            train.first((warmup + iterations) * batch), test.first(batch), batch, warmup);
                    answers.println(JSON.toJson(answer(times)));
                }
                answers.flush();
            }
        }
    }

    private static double evaluation(NDManager manager, Net net, ImageData images, int batch) {
        try (NDManager data = manager.newSubManager()) {
            RandomAccessDataset set = images.toDataset(data, batch, false, 0);
            Evaluate.accuracy(net, set);
            long start = System.nanoTime();
            Evaluate.accuracy(net, set);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    /** A profile's milliseconds per step: inside operators, outside them, and the ten largest operators. */
    private static Map<String, Object> perStep(OperatorProfile profile, int steps) {
        Map<String, Double> top = new LinkedHashMap<>();
        profile.top(10).forEach((op, micros) -> top.put(op, micros / 1e3 / steps));
        return Map.of("wall_ms", profile.wallSeconds() * 1e3 / steps, "operators_ms", profile.operatorSeconds() * 1e3 / steps,
                "outside_ms", profile.outsideSeconds() * 1e3 / steps, "calls", (double) profile.calls() / steps, "top_ms", top);
    }

    /** The steps' seconds without the final evaluation, and every phase's milliseconds per step. */
    private static Map<String, Object> answer(StepTimes times) {
        Map<String, Double> phases = new LinkedHashMap<>();
        times.millisPerStep().forEach((phase, ms) -> {
            if (phase != StepTimes.Phase.EVALUATION) {
                phases.put(phase.name().toLowerCase(Locale.ROOT), ms);
            }
        });
        return Map.of("seconds", times.totalSeconds() - times.seconds(StepTimes.Phase.EVALUATION), "phases", phases);
    }

    private static StepTimes measure(NDManager manager, Subject subject, boolean masked, ImageData train, ImageData test,
            int batch, int warmup) {
        TrainingConfig config = TrainingConfig.defaults()
                .withOptimizer(OptimizerKind.SGD_MOMENTUM, LEARNING_RATE).withMomentum(MOMENTUM)
                .withEpochs(1).withBatchSize(batch);
        StepTimes times = new StepTimes(warmup);
        Training training = Training.with(config).labelled("bench").timedBy(times);
        if (masked) {
            training = training.masked(subject.mask());
        }
        try (NDManager data = manager.newSubManager()) {
            RandomAccessDataset trainSet = train.toDataset(data, batch, false, 0);
            RandomAccessDataset testSet = test.toDataset(data, batch, false, 0);
            training.fit(subject.net(), trainSet, testSet);
        }
        return times;
    }

    /**
     * Times what the library's masked step adds to a dense one (TrainingLoop: each masked gradient
     * multiplied by its mask in place before the update, then {@link Mask#applyTo} after it), on
     * the gradients the last training run left on the parameters. Before each timing the CPU
     * caches are filled with other data, as a step's forward and backward pass would leave them.
     */
    private static List<Double> maskOperations(Subject subject, int repeats) {
        Net net = subject.net();
        Mask mask = subject.mask();
        List<Double> seconds = new ArrayList<>();
        long[] scratch = new long[SCRATCH];
        for (int i = 0; i < repeats; i++) {
            for (int j = 0; j < SCRATCH; j += LINE) {
                scratch[j]++;
            }
            long start = System.nanoTime();
            for (String name : mask.names()) {
                try (NDArray gradient = net.parameter(name).getArray().getGradient()) {
                    gradient.muli(mask.get(name));
                }
            }
            mask.applyTo(net);
            seconds.add((System.nanoTime() - start) / 1e9);
        }
        return seconds;
    }
}
