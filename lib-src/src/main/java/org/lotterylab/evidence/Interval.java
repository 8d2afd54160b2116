package org.lotterylab.evidence;

/**
 * A range of values with both ends included, here a 95% confidence interval. With fewer than two
 * seeds it is the whole line, (−∞, ∞): one run says nothing about its own noise, so no claim can
 * be decided from it.
 *
 * @param low the lower end, possibly −∞
 * @param high the upper end, ≥ low, possibly +∞
 */
public record Interval(double low, double high) {

    /** The whole line: what a single value tells about where its mean lies. */
    public static final Interval UNBOUNDED = new Interval(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

    /** Checks that the ends are numbers in order. */
    public Interval {
        if (!(low <= high)) {
            throw new IllegalArgumentException("an interval needs low ≤ high, got [" + low + ", " + high + "]");
        }
    }

    /**
     * @param centre the middle
     * @param halfWidth the distance from the middle to either end, ≥ 0 (+∞ for the whole line)
     * @return {@code [centre − halfWidth, centre + halfWidth]}
     */
    public static Interval around(double centre, double halfWidth) {
        return Double.isInfinite(halfWidth) ? UNBOUNDED : new Interval(centre - halfWidth, centre + halfWidth);
    }

    /** @return half the width: the "± h" of {@code estimate ± h} */
    public double halfWidth() {
        return (high - low) / 2;
    }

    @Override
    public String toString() {
        return "[" + low + ", " + high + "]";
    }
}
