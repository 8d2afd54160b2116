package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Optional;
import org.lotterylab.nn.Net;
import org.lotterylab.runs.Run;
import org.lotterylab.train.GradientClipping;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingConfig;
import org.lotterylab.train.Updates;

/**
 * Masked-language-model pre-training of a BERT from scratch, with a census of its near-zero weights
 * at evenly spaced checkpoints: the experiment behind the paper's "abrupt sparsification".
 *
 * <p>It is {@link Training} with three hooks: each step trains on a freshly corrupted batch
 * ({@link MlmMasking}) with the {@link MaskedLmLoss}, clips the gradients' global norm to
 * {@value #MAX_GRADIENT_NORM} as BERT does ({@link GradientClipping}), and the census is taken at
 * every evaluation point. Like every training, it stops at the first step whose loss is not finite
 * ({@link org.lotterylab.train.TrainingDivergedException}): with Adam, one overflowing gradient
 * would turn every weight it reaches into NaN for good. Batches are drawn in the lab's epoch
 * order; the optimizer is the one the {@link TrainingConfig} names, decaying weights only.
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
     *     (its evaluation period is not used: the checkpoints are the evaluation points)
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
        int total = config.epochs() * config.batchesPerEpoch(data.size());
        SparsityTraceListener trace = new SparsityTraceListener(net, census);
        // The checkpoints are the evaluation points: every total / checkpoints steps, and the last.
        Training.with(config.withEvaluateEvery(Math.max(1, total / checkpoints)))
                .labelled("masked LM")
                .minimising(new MaskedLmObjective(masking, config.seed()))
                .updating(Updates.parameters().transformingGradients(new GradientClipping(MAX_GRADIENT_NORM)))
                .listeners(trace)
                .fit(net, data);
        return trace.trace();
    }
}
