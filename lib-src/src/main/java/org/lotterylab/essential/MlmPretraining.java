package org.lotterylab.essential;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.tracker.Tracker;
import ai.djl.translate.Batchifier;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.lotterylab.nn.Net;
import org.lotterylab.runs.Run;
import org.lotterylab.train.EpochOrder;
import org.lotterylab.train.OptimizerFactory;
import org.lotterylab.train.ProgressBar;
import org.lotterylab.train.TrainingConfig;

/**
 * Masked-language-model pre-training of a BERT from scratch, with a census of its near-zero weights
 * at evenly spaced checkpoints: the experiment behind the paper's "abrupt sparsification".
 *
 * <p>Each step is DJL's forward/backward ({@link EasyTrain#trainBatch}) on a freshly corrupted
 * batch ({@link MlmMasking}) with the {@link MaskedLmLoss}, then BERT's clipping of the gradients'
 * global norm to {@value #MAX_GRADIENT_NORM}, then the optimizer's step. A step whose gradients are
 * not finite is skipped (and counted in the trace): with Adam, one overflowing gradient would turn
 * every weight it reaches into NaN for good. Batches are
 * drawn in the lab's {@link EpochOrder}; the optimizer is the one the {@link TrainingConfig} names,
 * decaying weights only, as {@code Training} does.
 *
 * <pre>{@code
 * SparsityTrace trace = MlmPretraining.with(config, masking)
 *         .tracing(NearZero.below(1e-3, 1e-2), 50)
 *         .storedIn(run)                         // a finished run loads its weights and trace
 *         .fit(net, corpus);                     // corpus = (ids, typeIds, attentionMask)
 * }</pre>
 */
public final class MlmPretraining {

    /** BERT's gradient clipping: the global L2 norm of all gradients is scaled down to at most this. */
    public static final float MAX_GRADIENT_NORM = 1f;

    private static final String WEIGHTS = "weights";

    private final TrainingConfig config;
    private final MlmMasking masking;
    private final NearZero census;
    private final int checkpoints;
    private final Optional<Run> run;

    private MlmPretraining(TrainingConfig config, MlmMasking masking, NearZero census, int checkpoints, Optional<Run> run) {
        this.config = config;
        this.masking = masking;
        this.census = census;
        this.checkpoints = checkpoints;
        this.run = run;
    }

    /**
     * @param config optimizer, learning rate and schedule, weight decay, epochs, batch size and seed
     * @param masking how batches are corrupted
     * @return a pre-training with a census below 10⁻³ at 50 checkpoints, not stored
     */
    public static MlmPretraining with(TrainingConfig config, MlmMasking masking) {
        return new MlmPretraining(config, masking, NearZero.below(1e-3), 50, Optional.empty());
    }

    /**
     * @param value what to count at each checkpoint
     * @param count how many checkpoints after the start (the start is always one)
     * @return this pre-training, counting so
     */
    public MlmPretraining tracing(NearZero value, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("need at least one checkpoint after the start, got " + count);
        }
        return new MlmPretraining(config, masking, value, count, run);
    }

    /**
     * @param value where the trained weights and the trace are kept; a finished run is loaded, not trained again
     * @return this pre-training, stored
     */
    public MlmPretraining storedIn(Run value) {
        return new MlmPretraining(config, masking, census, checkpoints, Optional.of(value));
    }

    /**
     * Pre-trains the net in place (or loads its stored weights).
     *
     * @param net an initialised masked language model (e.g. {@code Bert.maskedLm(config)})
     * @param corpus (token ids, type ids, attention mask), each int64 [N, T]
     * @return the near-zero fractions at each checkpoint
     */
    public SparsityTrace fit(Net net, NDList corpus) {
        if (run.isPresent() && run.get().isFinished()) {
            Optional<SparsityTrace> trace = run.get().results(SparsityTrace.class);
            var weights = run.get().loadCheckpoint(WEIGHTS, net.manager());
            if (trace.isPresent() && weights.isPresent()) {
                net.load(weights.get());
                return trace.get();
            }
        }
        SparsityTrace trace = train(net, corpus);
        run.ifPresent(r -> {
            r.saveCheckpoint(WEIGHTS, net.weights());
            r.markFinished(trace);
        });
        return trace;
    }

    private SparsityTrace train(Net net, NDList corpus) {
        ArrayDataset data = new ArrayDataset.Builder().setData(corpus.toArray(NDArray[]::new))
                .setSampling(config.batchSize(), false).build();
        int perEpoch = Math.toIntExact((data.size() + config.batchSize() - 1) / config.batchSize());
        int total = config.epochs() * perEpoch;
        int every = Math.max(1, total / checkpoints);
        Device device = net.parameters().values().iterator().next().getArray().getDevice();
        Tracker rate = config.schedule().tracker((float) config.learningRate(), perEpoch, total);
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(new MaskedLmLoss())
                .optDevices(new Device[] {device})
                .optOptimizer(OptimizerFactory.configured().create(net, config, rate, 0))
                .addTrainingListeners(new EvaluatorTrainingListener(), new ProgressBar("masked LM", 0, total, perEpoch));
        List<SparsityTrace.Point> points = new ArrayList<>();
        points.add(new SparsityTrace.Point(0, Double.NaN, 0, List.copyOf(census.fractions(net).values())));
        net.manager().getEngine().setRandomSeed(Long.hashCode(config.seed()));
        SplittableRandom corruption = new SplittableRandom(config.seed());
        try (Model model = Model.newInstance(net.name(), device)) {
            model.setBlock(net.block());
            try (Trainer trainer = model.newTrainer(djlConfig)) {
                int iteration = 0;
                int skipped = 0;
                for (int epoch = 0; epoch < config.epochs(); epoch++) {
                    var order = new BatchSampler(new EpochOrder(config.seed(), epoch), config.batchSize(), false);
                    for (Batch batch : data.getData(trainer.getManager(), order)) {
                        try (batch) {
                            skipped += step(trainer, net, batch, corruption) ? 0 : 1;
                        }
                        iteration++;
                        if (iteration % every == 0 || iteration == total) {
                            points.add(checkpoint(trainer, net, iteration, skipped));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus", e);
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot batch the corpus: " + e.getMessage(), e);
        }
        return new SparsityTrace(census.thresholds(), points);
    }

    /** One step; false when it was skipped for gradients that are not finite. */
    private boolean step(Trainer trainer, Net net, Batch batch, SplittableRandom corruption) {
        NDList tokens = batch.getData();
        NDList corrupted = masking.apply(tokens.get(0), tokens.get(2), corruption);
        try (Batch masked = new Batch(batch.getManager(), new NDList(corrupted.get(0), tokens.get(1), tokens.get(2)),
                new NDList(corrupted.get(1), corrupted.get(2)), batch.getSize(), Batchifier.STACK,
                Batchifier.STACK, batch.getProgress(), batch.getProgressTotal())) {
            EasyTrain.trainBatch(trainer, masked);
        }
        boolean finite = clipGradients(net);
        if (finite) {
            trainer.step();
        }
        return finite;
    }

    /** Scales the gradients down to a global norm of at most {@link #MAX_GRADIENT_NORM}; false if it is not finite. */
    private static boolean clipGradients(Net net) {
        List<NDArray> gradients = new ArrayList<>();
        net.parameters().values().forEach(p -> gradients.add(p.getArray().getGradient()));
        double squares = 0;
        for (NDArray gradient : gradients) {
            try (NDArray sum = gradient.square().sum()) {
                squares += sum.getFloat();
            }
        }
        double norm = Math.sqrt(squares);
        boolean finite = Double.isFinite(norm);
        for (NDArray gradient : gradients) {
            if (!finite) {
                gradient.muli(0);
            } else if (norm > MAX_GRADIENT_NORM) {
                gradient.muli(MAX_GRADIENT_NORM / norm);
            }
            gradient.close();
        }
        return finite;
    }

    private SparsityTrace.Point checkpoint(Trainer trainer, Net net, int iteration, int skipped) {
        // DJL's evaluator listener averages the loss over the steps since its last "epoch" notification.
        trainer.notifyListeners(listener -> listener.onEpoch(trainer));
        Float loss = trainer.getTrainingResult().getTrainLoss();
        return new SparsityTrace.Point(iteration, loss == null ? Double.NaN : loss, skipped,
                List.copyOf(census.fractions(net).values()));
    }
}
