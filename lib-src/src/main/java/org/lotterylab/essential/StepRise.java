package org.lotterylab.essential;

/**
 * How step-like a rising curve is: the largest rise within a window of a tenth of its points, as a
 * share of its net rise (last value minus first). A straight line scores about 0.1; a step scores 1;
 * a curve that ends lower than it starts has no rise and scores 0, whatever its bumps.
 *
 * <p>The curve counts as step-like when at least half of its rise happens within that window and
 * the window does not start at the first point: a rise that happens at once at the start is the
 * fast change every training makes from its initialisation, not the paper's abrupt sparsification
 * after a while of training.
 *
 * @param share the window's rise over the net rise, in [0, 1] (0 when the curve does not end higher)
 * @param from where the window starts (x of its first point)
 * @param to where it ends
 * @param rise the net rise, last value minus first (0 when the curve does not end higher)
 * @param atStart whether the window starts at the first point
 */
public record StepRise(double share, double from, double to, double rise, boolean atStart) {

    /** The share of the rise that makes a step. */
    static final double STEP_SHARE = 0.5;

    /**
     * @param x the positions, increasing (e.g. iterations)
     * @param y the values (e.g. near-zero fractions)
     * @return the largest rise within a tenth of the points (at least one interval)
     * @throws IllegalArgumentException for fewer than two points or lengths that differ
     */
    public static StepRise of(double[] x, double[] y) {
        if (x.length != y.length || x.length < 2) {
            throw new IllegalArgumentException("need as many x as y values, at least two; got " + x.length + " and " + y.length);
        }
        int window = Math.max(1, (x.length - 1) / 10);
        double rise = Math.max(0, y[y.length - 1] - y[0]);
        int best = 0;
        for (int i = 1; i + window < y.length; i++) {
            if (y[i + window] - y[i] > y[best + window] - y[best]) {
                best = i;
            }
        }
        double share = rise > 0 ? Math.min(1, Math.max(0, (y[best + window] - y[best]) / rise)) : 0;
        return new StepRise(share, x[best], x[best + window], rise, best == 0);
    }

    /** @return whether half of the rise or more happens within the window, and not right at the start */
    public boolean isStepLike() {
        return share >= STEP_SHARE && !atStart;
    }

    @Override
    public String toString() {
        return String.format("%.0f%% of the rise (%.4f) between iterations %.0f and %.0f", 100 * share, rise, from, to);
    }
}
