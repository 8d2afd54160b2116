package org.lotterylab.evidence;

import org.apache.commons.math3.distribution.TDistribution;

/** Critical values of Student's t distribution, for 95% confidence intervals of a mean. */
final class StudentT {

    /**
     * The inverse-CDF solver's absolute accuracy: far below the digits a reader sees, and cheap
     * (a handful of bisection steps more than commons-math's default of 1e-9).
     */
    static final double ACCURACY = 1e-12;

    private StudentT() {}

    /**
     * @param degreesOfFreedom n − 1 for a mean of n values; Welch's non-integer value for two samples
     * @return t such that a t-distributed variable lies in [−t, t] with probability 0.95; +∞ for
     *     no degree of freedom (a single value), so the interval is the whole line
     */
    static double criticalValue95(double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        // No random generator: only the quantile is needed, not samples.
        return new TDistribution(null, degreesOfFreedom, ACCURACY).inverseCumulativeProbability(0.975);
    }
}
