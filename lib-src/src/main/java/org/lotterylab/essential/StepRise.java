package org.lotterylab.essential;

/**
 * How step-like a rising curve is, measured from its minimum: the largest rise within a window of
 * a tenth of its points after the minimum, as a share of the rise from the minimum to the last
 * value. A straight line up from the minimum scores about a tenth of the points over the points left
 * after it (0.1 when the minimum is the first point); a step scores 1; a curve whose minimum is its
 * last value has no rise and scores 0, whatever its bumps.
 *
 * <p>Why from the minimum: training first spreads the weights out of their narrow initialisation, so
 * the share of small weights <em>falls</em> at first; a later rise would be hidden if it were
 * measured from the first value (it may end below it). The curve counts as step-like when at least
 * half of its rise happens within one window and that window does not start at the first point: a
 * jump right at the start is the change every training makes from its initialisation, not the
 * paper's abrupt sparsification after a while of training.
 *
 * @param share the window's rise over the rise from the minimum, in [0, 1] (0 when there is no rise)
 * @param from where the window starts (x of its first point)
 * @param to where it ends
 * @param rise the rise from the minimum to the last value, ≥ 0
 * @param minimumAt where the curve is lowest (x of its first lowest point)
 * @param atStart whether the window starts at the first point
 */
public record StepRise(double share, double from, double to, double rise, double minimumAt, boolean atStart) {

    /** The share of the rise that makes a step. */
    static final double STEP_SHARE = 0.5;

    /**
     * @param x the positions, increasing (e.g. iterations)
     * @param y the values (e.g. near-zero fractions)
     * @return the largest rise within a tenth of the points (at least one interval) after the minimum
     * @throws IllegalArgumentException for fewer than two points or lengths that differ
     */
    public static StepRise of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need as many x as y values, at least two; got " + x.length + " and " + y.length);
        }
        int window = Math.max(1, (x.length - 1) / 10);
        int minimum = 0;
        for (int i = 1; i < y.length; i++) {
            if (y[i] < y[minimum]) {
                minimum = i;
            }
        }
        double rise = y[y.length - 1] - y[minimum];
        if (minimum + window >= y.length || !(rise > 0)) {
            return new StepRise(0, x[minimum], x[y.length - 1], 0, x[minimum], false);
        }
        int best = minimum;
        for (int i = minimum + 1; i + window < y.length; i++) {
            if (y[i + window] - y[i] > y[best + window] - y[best]) {
                best = i;
            }
        }
        double share = Math.min(1, Math.max(0, (y[best + window] - y[best]) / rise));
        return new StepRise(share, x[best], x[best + window], rise, x[minimum], best == 0);
    }

    /** @return whether half of the rise or more happens within the window, and not right at the start */
    public boolean isStepLike() {
        return share >= STEP_SHARE && !atStart;
    }

    @Override
    public String toString() {
        return String.format("%.0f%% of the rise (%.4f from the minimum at %.0f) between iterations %.0f and %.0f",
                100 * share, rise, minimumAt, from, to);
    }
}
