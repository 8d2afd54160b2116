package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops training at the first step whose loss is not finite or has exploded, naming where the
 * first non-finite gradient or weight is; in strict mode also checks every parameter after every
 * update. A NaN is an error at the step where it appears, never a surprise rounds later.
 *
 * <p>An exploded loss is one above {@value #EXPLOSION} times the first step's loss (at least 1):
 * cross-entropy starts near ln(classes), so a finite loss a thousand times that is divergence in
 * all but name (Adam was seen reaching 1e16 without a NaN).
 */
final class DivergenceGuard {

    static final double EXPLOSION = 1e3;

    /** Fewer steps than this in the first epoch say too little about its trend to warn. */
    private static final int TREND_STEPS = 4;

    /**
     * How far above the untrained loss the first epoch's mean may end before the run counts as near
     * divergence: a loss that stays flat for a short first epoch (a few steps of a small run) is slow
     * learning, not divergence.
     */
    private static final double RISE = 1.05;

    private static final Logger LOG = LoggerFactory.getLogger(DivergenceGuard.class);

    private final String run;
    private final Map<String, NDArray> arrays;
    private final double learningRate;
    private final boolean strict;
    private final int firstEpochEnd;
    private double firstEpochLoss;
    private boolean nearDivergence;
    private double firstLoss = Double.NaN;
    private double lastFiniteLoss = Double.NaN;
    private int lastFiniteIteration = -1;

    /**
     * @param arrays what is checked, by name, in the order searched for the first non-finite value:
     *     every parameter of the net, then any other array training updates (scores)
     * @param firstEpochSteps steps of the first epoch of a run that starts from scratch (0 for a
     *     rewound run, whose first loss is not the untrained one)
     */
    DivergenceGuard(String run, Map<String, NDArray> arrays, double learningRate, boolean strict, int firstEpochSteps) {
        this.run = run;
        this.arrays = arrays;
        this.learningRate = learningRate;
        this.strict = strict;
        this.firstEpochEnd = firstEpochSteps >= TREND_STEPS ? firstEpochSteps - 1 : -1;
    }

    /**
     * Checks a step's loss after its backward pass, before the optimizer uses the gradients.
     *
     * @throws TrainingDivergedException when the loss is not finite or has exploded
     */
    void afterBackward(int iteration, double loss) {
        if (Double.isNaN(firstLoss)) {
            firstLoss = loss;
        }
        if (!Double.isFinite(loss)) {
            throw diverged(iteration, "the loss is " + loss, firstNonFinite());
        }
        if (loss > EXPLOSION * Math.max(1, firstLoss)) {
            throw diverged(iteration, String.format("the loss exploded to %.4g (first step %.4g)", loss, firstLoss),
                    firstNonFinite());
        }
        lastFiniteLoss = loss;
        lastFiniteIteration = iteration;
        warnIfTheFirstEpochRoseAbove(iteration, loss);
    }

    /**
     * A run whose first epoch ends, on average, clearly above the untrained loss sits near
     * divergence: a different rounding (another processor, another thread count) can tip it over.
     */
    private void warnIfTheFirstEpochRoseAbove(int iteration, double loss) {
        if (iteration > firstEpochEnd) {
            return;
        }
        firstEpochLoss += loss;
        double mean = firstEpochLoss / (iteration + 1);
        if (iteration == firstEpochEnd && mean > RISE * firstLoss) {
            nearDivergence = true;
            LOG.warn("{}: the first epoch's mean loss {} exceeds the untrained loss {}: training sits near "
                    + "divergence; a smaller learning rate (now {}), a warm-up or standardised inputs give it margin",
                    run, String.format("%.4g", mean), String.format("%.4g", firstLoss), learningRate);
        }
    }

    /**
     * In strict mode, checks every array after the update.
     *
     * @throws TrainingDivergedException when an array is no longer finite
     */
    void afterUpdate(int iteration) {
        if (strict) {
            Optional<String> where = nonFinite("weight", false);
            if (where.isPresent()) {
                throw diverged(iteration, "the update left a non-finite weight", where);
            }
        }
    }

    /**
     * Checks a loss measured on evaluation data.
     *
     * @throws TrainingDivergedException when it is not finite
     */
    void afterEvaluation(int iteration, double loss) {
        if (!Double.isFinite(loss)) {
            throw diverged(iteration, "the evaluation loss is " + loss, nonFinite("weight", false));
        }
    }

    /** @return whether the first epoch ended clearly above the untrained loss (a warning was logged) */
    boolean nearDivergence() {
        return nearDivergence;
    }

    /** @return the run's label, as errors name it */
    String run() {
        return run;
    }

    /**
     * Checks a step whose gradients a transform found not finite although its loss was (clipping
     * measures their norm anyway): the update would spread the NaN into every weight it touches.
     *
     * @return the error to throw, naming the first non-finite gradient
     */
    TrainingDivergedException gradientNotFinite(int iteration) {
        return diverged(iteration, "a gradient is not finite (the loss was)", nonFinite("gradient", true));
    }

    /**
     * @return the array, in order, whose value (else gradient) is first non-finite: a non-finite
     *     trained weight was left by the previous update, and makes every gradient after it
     *     non-finite too; other arrays (batch norm's running statistics) follow the forward pass
     */
    private Optional<String> firstNonFinite() {
        return nonFinite("weight", false, true).map(where -> where + " (left by the previous update)")
                .or(() -> nonFinite("gradient", true)).or(() -> nonFinite("weight", false));
    }

    private Optional<String> nonFinite(String what, boolean gradients) {
        return nonFinite(what, gradients, gradients);
    }

    /** @param trainedOnly whether to look only at arrays that record a gradient */
    private Optional<String> nonFinite(String what, boolean gradients, boolean trainedOnly) {
        for (Map.Entry<String, NDArray> entry : arrays.entrySet()) {
            NDArray array = entry.getValue();
            if (trainedOnly && !array.hasGradient()) {
                continue;
            }
            boolean finite;
            if (gradients) {
                try (NDArray gradient = array.getGradient()) {
                    finite = isFinite(gradient);
                }
            } else {
                finite = isFinite(array);
            }
            if (!finite) {
                return Optional.of(what + " of " + entry.getKey());
            }
        }
        return Optional.empty();
    }

    private static boolean isFinite(NDArray values) {
        // A sum is NaN or infinite when any term is: one reduction instead of an elementwise test.
        // (It could also overflow for finite terms, but only at magnitudes no healthy net reaches.)
        try (NDArray sum = values.sum()) {
            return Float.isFinite(sum.getFloat());
        }
    }

    private TrainingDivergedException diverged(int iteration, String what, Optional<String> where) {
        String last = lastFiniteIteration < 0 ? "no step had a finite loss"
                : String.format("last finite loss %.4g at iteration %d", lastFiniteLoss, lastFiniteIteration);
        return new TrainingDivergedException(run, iteration, what, where, last, learningRate);
    }
}
