package org.lotterylab.gsm;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import com.google.gson.Gson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.runs.ModelSpec;
import org.lotterylab.runs.Run;
import org.lotterylab.runs.RunStore;
import org.lotterylab.train.Evaluate;
import org.lotterylab.train.Evaluation;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingHistory;

/**
 * A Global Sparse Momentum run, as the paper describes it: train with {@link GlobalSparseMomentum}
 * (only the global top-Q weights by |w ⊙ g| get gradient, all decay), then keep the Q largest
 * weights and measure the accuracy without any fine-tuning.
 *
 * <pre>{@code
 * Gsm gsm = Gsm.with(config).storedIn(experiment.run(config));
 * GsmResult result = gsm.fit(denseNet, trainSet, testSet);
 * result.truncationCost();                 // points lost by the final truncation
 * Mask mask = gsm.mask(manager);           // the Q weights kept: on the initial weights, a ticket
 * }</pre>
 *
 * <p>The run is stored: {@code results.json} ({@link GsmResult}), {@code metrics.csv} (the
 * evaluations), checkpoints {@code mask} and {@code trained} (the truncated weights) and
 * {@code model.json}, so the truncated net also loads from the lab's model zoo (filters
 * {@code run=<hash>, checkpoint=trained}). A finished run returns its stored result without
 * touching the net.
 */
public final class Gsm {

    private static final String MASK = "mask";
    private static final String TRAINED = "trained";

    private final GsmConfig config;
    private final String label;
    private Run run;

    private Gsm(GsmConfig config, String label, Run run) {
        this.config = config;
        this.label = label;
        this.run = run;
    }

    /**
     * @param config the hyper-parameters
     * @return a GSM run with them, not yet stored
     */
    public static Gsm with(GsmConfig config) {
        return new Gsm(config, null, null);
    }

    /**
     * @param value the run whose folder holds the results, e.g. {@code experiment.run(record)}; its
     *     configuration must say which data, net and starting weights it trains, not only {@link GsmConfig}
     * @return this GSM run, stored there
     */
    public Gsm storedIn(Run value) {
        return new Gsm(config, label, value);
    }

    /** @param value what the progress bar calls this run @return this GSM run, labelled */
    public Gsm labelled(String value) {
        return new Gsm(config, value, run);
    }

    /** @return the configuration */
    public GsmConfig config() {
        return config;
    }

    /** @return the run holding the results (a temporary one unless {@link #storedIn(Run)} was called) */
    public Run storedRun() {
        if (run == null) {
            try {
                run = RunStore.at(Files.createTempDirectory("lotterylab-gsm")).experiment("gsm").run(config);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary run folder", e);
            }
        }
        return run;
    }

    /**
     * Trains the net with GSM from its current weights (the paper starts from a trained dense net),
     * truncates it to Q weights and measures it. A finished run returns its stored result, unless
     * a checkpoint it serves is missing or damaged: then the run is recomputed.
     *
     * @param net an initialised net; it ends up trained and truncated (unless the run was finished)
     * @param train the training set
     * @param test the test set, evaluated during training and after truncation
     * @return what the run measured
     */
    public GsmResult fit(Net net, RandomAccessDataset train, Dataset test) {
        Run store = storedRun();
        // A finished run serves its checkpoints later (mask, trainedWeights): one that lost them is recomputed.
        if (store.isFinished() && store.hasIntactCheckpoint(MASK) && store.hasIntactCheckpoint(TRAINED)) {
            return store.results(GsmResult.class).orElseThrow();
        }
        DensityTrace trace = new DensityTrace();
        TrainingHistory history = Training.with(config.training())
                .optimizer(GlobalSparseMomentum.keeping(config.compression(), trace))
                .listeners(trace)
                .labelled(label == null ? net.name() + " GSM " + config.compression() : label)
                .fit(net, train, test);
        double trained = Evaluate.accuracy(net, test);
        try (Mask mask = config.compression().truncate(net)) {
            GsmResult result = new GsmResult(config.compression().ratio(), mask.remaining(), mask.total(), history,
                    trained, Evaluate.accuracy(net, test), trace.points(), mask.densities());
            commit(store, net, mask, result);
            return result;
        }
    }

    /**
     * @param manager where the mask's tensors are created
     * @return the Q weights the finished run kept
     * @throws IllegalStateException when the run is not finished
     */
    public Mask mask(NDManager manager) {
        return Mask.of(checkpoint(MASK, manager));
    }

    /**
     * @param manager where the tensors are created
     * @return every parameter of the net after truncation, by name (for {@link Net#load})
     * @throws IllegalStateException when the run is not finished
     */
    public Map<String, NDArray> trainedWeights(NDManager manager) {
        return checkpoint(TRAINED, manager);
    }

    private Map<String, NDArray> checkpoint(String name, NDManager manager) {
        Run store = storedRun();
        if (!store.isFinished()) {
            throw new IllegalStateException(store + " is not finished: call fit(net, train, test) first");
        }
        return store.loadCheckpoint(name, manager).orElseThrow(() -> new IllegalStateException(
                "the checkpoint '" + name + "' of " + store + " is missing or damaged (a damaged one is kept as *.corrupt); "
                + "call fit(net, train, test) again with the net initialised as the first time: it recomputes the run"));
    }

    /** Checkpoints first and the result last, so an interrupted run is never taken for a finished one. */
    private static void commit(Run store, Net net, Mask mask, GsmResult result) {
        store.writeAtomic(ModelSpec.FILE, new Gson().toJson(ModelSpec.of(net)));
        store.saveCheckpoint(MASK, mask.tensors());
        Map<String, NDArray> weights = net.weights();
        store.saveCheckpoint(TRAINED, weights);
        weights.values().forEach(NDArray::close);
        store.discardMetricsAfter("iteration", 0); // rows an interrupted attempt may have left
        for (Evaluation evaluation : result.history().evaluations()) {
            store.appendMetrics(evaluation.toRow());
        }
        store.markFinished(result);
    }
}
