import ai.djl.engine.Engine;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import com.google.gson.GsonBuilder;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.lotterylab.Lab;
import org.lotterylab.OperatorProfile;
import org.lotterylab.bert.Bert;
import org.lotterylab.bert.BertTokenizer;
import org.lotterylab.bert.MiniLm;
import org.lotterylab.bert.OnnxRuntimeMiniLm;
import org.lotterylab.data.Email;
import org.lotterylab.data.SpamAssassin;
import org.lotterylab.nn.Net;

/**
 * {@code environment/lab bench bert}: inference throughput (sentences/s) of the imported
 * all-MiniLM-L6-v2 in DJL's PyTorch engine against the same ONNX file in ONNX Runtime, in one JVM
 * on the same batches -> reports/bench/minilm.json.
 *
 * <p>The sentences are SpamAssassin subject lines, tokenized once into batches beforehand, so only
 * the models are timed. Both sides compute the token embeddings (ONNX Runtime's only output) and
 * copy them to the host, which also makes an asynchronous device finish its work. After a warm-up
 * pass each, the two sides alternate for LAB_BENCH_REPS repetitions, so that a change in the
 * machine's load hits both; the median repetition is reported beside the best. One more DJL pass
 * runs under PyTorch's profiler ({@link OperatorProfile}): which operators take the time, and how
 * much is spent outside them (Java, JNI, DJL).
 *
 * <p>Settings (environment): LAB_BENCH_SENTENCES (default 512), LAB_BENCH_BATCH (32),
 * LAB_BENCH_REPS (5), LAB_BENCH_MAX_TOKENS (128).
 */
public final class BertBench {

    private BertBench() {}

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }

    /**
     * Sentences per second of {@code pass} over all batches; what a pass allocates is freed after
     * each batch, as a serving loop would.
     */
    private static double time(List<NDList> batches, int sentences, Consumer<NDList> pass) {
        long start = System.nanoTime();
        for (NDList batch : batches) {
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                pass.accept(batch);
            }
        }
        return sentences / ((System.nanoTime() - start) / 1e9);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double best(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    }

    private static Map<String, Object> side(String engine, String device, List<Double> rates) {
        Map<String, Object> side = new LinkedHashMap<>();
        side.put("engine", engine);
        side.put("device", device);
        side.put("median_sentences_per_s", median(rates));
        side.put("best_sentences_per_s", best(rates));
        side.put("repetitions", rates);
        return side;
    }

    /**
     * @param args none; see the class comment for the settings
     * @throws Exception when the data, the models or the engines cannot be loaded
     */
    public static void main(String[] args) throws Exception {
        int count = setting("LAB_BENCH_SENTENCES", 512);
        int batchSize = setting("LAB_BENCH_BATCH", 32);
        int reps = setting("LAB_BENCH_REPS", 5);
        int maxTokens = setting("LAB_BENCH_MAX_TOKENS", 128);
        List<String> texts = SpamAssassin.load().stream().map(Email::subject).filter(s -> !s.isBlank()).limit(count).toList();
        try (NDManager manager = NDManager.newBaseManager(Lab.device());
                BertTokenizer tokenizer = BertTokenizer.miniLm();
                OnnxRuntimeMiniLm onnxRuntime = OnnxRuntimeMiniLm.load()) {
            Net djl = Bert.tokenEncoder(MiniLm.pretrained(manager), manager);
            List<NDList> batches = new ArrayList<>();
            long tokens = 0;
            for (int i = 0; i < texts.size(); i += batchSize) {
                NDList batch = tokenizer.encode(manager, texts.subList(i, Math.min(i + batchSize, texts.size())), maxTokens);
                tokens += batch.get(0).size();
                batches.add(batch);
            }
            Consumer<NDList> djlPass = batch -> djl.forward(batch, false).head().toFloatArray();
            Consumer<NDList> ortPass = batch -> onnxRuntime.tokenEmbeddings(batch).toFloatArray();
            time(batches, texts.size(), djlPass);
            time(batches, texts.size(), ortPass);
            List<Double> djlRates = new ArrayList<>();
            List<Double> ortRates = new ArrayList<>();
            for (int r = 0; r < reps; r++) {
                djlRates.add(time(batches, texts.size(), djlPass));
                ortRates.add(time(batches, texts.size(), ortPass));
            }
            // Where DJL's pass spends its time, profiled apart from the timings (the profiler slows it).
            OperatorProfile profile = OperatorProfile.of(() -> time(batches, texts.size(), djlPass));
            Engine pytorch = Engine.getInstance();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("model", "all-MiniLM-L6-v2 (token embeddings)");
            result.put("sentences", texts.size());
            result.put("batch", batchSize);
            result.put("padded_tokens", tokens);
            result.put("cpus", Runtime.getRuntime().availableProcessors());
            result.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
            result.put("djl", side(pytorch.getEngineName() + " " + pytorch.getVersion() + " (DJL " + Engine.getDjlVersion() + ")",
                    manager.getDevice().toString(), djlRates));
            result.put("onnxruntime", side("OnnxRuntime " + Engine.getEngine("OnnxRuntime").getVersion(),
                    onnxRuntime.device().toString(), ortRates));
            result.put("djl_over_onnxruntime", median(djlRates) / median(ortRates));
            Map<String, Object> breakdown = new LinkedHashMap<>();
            breakdown.put("profiled_pass_seconds", profile.wallSeconds());
            breakdown.put("in_operators_seconds", profile.operatorSeconds());
            breakdown.put("outside_operators_seconds", profile.outsideSeconds());
            breakdown.put("operator_calls_per_batch", (double) profile.calls() / batches.size());
            breakdown.put("top_operators_micros", profile.top(12));
            result.put("djl_breakdown", breakdown);
            Path report = Lab.reportsDir().resolve("bench/minilm.json");
            Files.createDirectories(report.getParent());
            Files.writeString(report, new GsonBuilder().setPrettyPrinting().create().toJson(result) + "\n");
            System.out.printf("[bench] all-MiniLM-L6-v2 on %d SpamAssassin subjects (batches of %d, %d padded tokens), %d repetitions%n",
                    texts.size(), batchSize, tokens, reps);
            System.out.printf("[bench] DJL/PyTorch on %s: %.1f sentences/s (best %.1f)%n",
                    manager.getDevice(), median(djlRates), best(djlRates));
            System.out.printf("[bench] ONNX Runtime on %s: %.1f sentences/s (best %.1f)%n",
                    onnxRuntime.device(), median(ortRates), best(ortRates));
            System.out.printf("[bench] DJL / ONNX Runtime: %.2f; results in %s%n", median(djlRates) / median(ortRates), report);
            System.out.printf("[bench] where DJL's pass goes (one pass under PyTorch's profiler, %.2f s): %.0f%% in %d operator calls "
                    + "per batch, %.0f%% outside operators (Java, JNI, DJL); the largest:%n", profile.wallSeconds(),
                    100 * profile.operatorSeconds() / profile.wallSeconds(), profile.calls() / batches.size(),
                    100 * profile.outsideSeconds() / profile.wallSeconds());
            profile.top(8).forEach((op, micros) -> System.out.printf("[bench]   %5.1f%%  %s%n", 100 * micros / 1e6 / profile.wallSeconds(), op));
        }
    }
}
