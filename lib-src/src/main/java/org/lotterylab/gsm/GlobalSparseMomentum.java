package org.lotterylab.gsm;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.lotterylab.nn.Net;
import org.lotterylab.nn.ZeroGradient;
import org.lotterylab.train.OptimizerFactory;

/**
 * Global Sparse Momentum SGD (Ding et al., NeurIPS 2019) as a DJL {@link Optimizer}: momentum SGD
 * in which, at every step, only the Q prunable weights with the largest first-order Taylor score
 * {@code |w ⊙ ∂L/∂w|}, ranked over all layers together, receive their gradient:
 *
 * <pre>
 *   B = 1 on the global top-Q of |W ⊙ G|, else 0      (recomputed every step)
 *   Z ← βZ + ηW + B ⊙ G                               (one momentum buffer, never reset)
 *   W ← W − αZ
 * </pre>
 *
 * The other ("passive") weights only decay, by about {@code 1 − αη/(1−β)} per step once the
 * momentum has built up (never faster than √β: {@link GsmConfig#passiveShrinkage}), so that they
 * are close to zero when training ends and
 * {@link Compression#truncate} can remove them almost for free. Biases and other non-prunable
 * parameters get plain momentum SGD without weight decay.
 *
 * <pre>{@code
 * var trace = new DensityTrace();
 * var config = TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.03)
 *         .withMomentum(0.99).withWeightDecay(5e-3);               // α, β, η
 * Training.with(config).optimizer(GlobalSparseMomentum.keeping(Compression.of(60), trace))
 *         .listeners(trace).fit(net, trainSet, testSet);
 * Mask mask = Compression.of(60).truncate(net);
 * }</pre>
 *
 * <p>DJL's trainer hands the optimizer one parameter at a time, but the ranking needs all
 * gradients at once: the first prunable parameter of each step ranks them all (the backward pass is
 * complete by then, and no prunable weight has moved yet). Like DJL's own PyTorch optimizers, this
 * one zeroes each gradient it has used, since PyTorch's backward pass accumulates into it.
 */
public final class GlobalSparseMomentum extends Optimizer {

    private final Net net;
    private final Map<String, String> prunableNames;
    private final long keep;
    private final Tracker learningRate;
    private final float momentum;
    private final float weightDecay;
    private final DensityTrace trace;
    private final Map<String, Map<Device, NDArray>> buffers = new ConcurrentHashMap<>();
    private final Map<String, NDArray> active = new LinkedHashMap<>();
    private int rankedStep = -1;

    /**
     * @param net the net whose prunable weights are ranked together
     * @param keep Q, the number of weights that receive gradient at each step
     * @param learningRate α, possibly scheduled
     * @param momentum β
     * @param weightDecay η, applied to the prunable weights only
     * @param beginIteration the update count to start from
     * @param trace told where the top-Q set is after every ranking
     */
    GlobalSparseMomentum(Net net, long keep, Tracker learningRate, float momentum, float weightDecay,
            int beginIteration, DensityTrace trace) {
        super(new Options().optBeginNumUpdate(beginIteration));
        this.net = net;
        this.prunableNames = new LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> prunableNames.put(p.getId(), name));
        long total = net.prunableParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        if (keep < 1 || keep > total) {
            throw new IllegalArgumentException("GSM keeps Q weights with 1 ≤ Q ≤ " + total + " (the prunable weights of "
                    + net.name() + "), got " + keep + "; use a compression ratio ≥ 1");
        }
        this.keep = keep;
        this.learningRate = learningRate;
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.trace = trace;
    }

    /**
     * GSM for {@link org.lotterylab.train.Training#optimizer}: α and its schedule come from the
     * training configuration, β from its momentum and η from its weight decay.
     *
     * @param compression C, so that Q = N / C of the net's N prunable weights get gradient
     * @param trace records the per-layer density of the top-Q set at each evaluation; pass it to
     *     {@code Training.listeners} too
     * @return the factory
     */
    public static OptimizerFactory keeping(Compression compression, DensityTrace trace) {
        return (net, config, rate, begin) -> new GlobalSparseMomentum(net, compression.keep(net), rate,
                (float) config.momentum(), (float) config.weightDecay(), begin, trace);
    }

    /** @return Q, the number of weights that receive gradient at each step */
    public long keep() {
        return keep;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        int step = updateCount(parameterId);
        float rate = learningRate.getNewValue(parameterId, step);
        NDArray buffer = withDefaultState(buffers, parameterId, weight.getDevice(), id -> weight.zerosLike());
        String name = prunableNames.get(parameterId);
        if (name != null && step != rankedStep) {
            rank(step);
        }
        try (NDArray direction = name == null ? grad.duplicate() : grad.mul(active.get(name))) {
            if (name != null) {
                try (NDArray decay = weight.mul(weightDecay)) {
                    direction.addi(decay);
                }
            }
            buffer.muli(momentum).addi(direction);
        }
        try (NDArray move = buffer.mul(rate)) {
            weight.subi(move);
        }
        ZeroGradient.of(weight);
    }

    /** Marks the global top-Q of |w ⊙ g| in {@link #active}, one 0/1 tensor per prunable weight. */
    private void rank(int step) {
        active.values().forEach(NDArray::close);
        Map<String, Parameter> prunable = net.prunableParameters();
        try (NDScope scope = new NDScope()) {
            NDList scores = new NDList();
            for (Parameter p : prunable.values()) {
                NDArray w = p.getArray();
                scores.add(w.getGradient().mul(w).abs().flatten());
            }
            NDArray all = NDArrays.concat(scores);
            // topK picks exactly Q positions even among equal scores, which a threshold could not.
            NDArray top = all.topK(Math.toIntExact(keep), 0, true, false).get(1);
            // scatter, not put: PyTorch flags put_ as non-deterministic (for repeated indices, which
            // top-k never gives) and, with deterministic algorithms on, warned at every step.
            NDArray gate = all.zerosLike().scatter(top, all.getManager().ones(top.getShape()), 0);
            long offset = 0;
            for (Map.Entry<String, Parameter> e : prunable.entrySet()) {
                Shape shape = e.getValue().getArray().getShape();
                NDArray layer = gate.get(offset + ":" + (offset + shape.size())).reshape(shape);
                NDScope.unregister(layer);
                active.put(e.getKey(), layer);
                offset += shape.size();
            }
        }
        trace.observe(step, this::densities);
        rankedStep = step;
    }

    /** Counted only when the trace records them (at evaluations), not at every step. */
    private Map<String, Double> densities() {
        Map<String, Double> densities = new LinkedHashMap<>();
        active.forEach((name, gate) -> densities.put(name, gate.countNonzero().getLong() / (double) gate.size()));
        return densities;
    }

    /** The options every DJL optimizer takes; GSM uses only the first update count. */
    private static final class Options extends OptimizerBuilder<Options> {
        @Override
        protected Options self() {
            return this;
        }
    }
}
