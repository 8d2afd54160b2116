package org.lotterylab.evidence;

import java.util.List;

/**
 * A quantity estimated from seeds, with its 95% interval: what a claim's rule is checked against.
 *
 * <pre>{@code
 * Estimate gap = ticket.minus(dense);    // paired over shared seeds
 * Evidence evidence = gap.atLeast(-0.5); // the claim "ticket ≥ dense − 0.5"
 * }</pre>
 *
 * @param quantity what is estimated, in words, e.g. {@code "ticket − dense"}
 * @param value the estimate (a mean over seeds)
 * @param interval its 95% interval
 * @param n the number of seeds behind it (for two unpaired samples, the smaller one's)
 * @param method how the interval was made, e.g. {@code "paired t over 3 seeds"}
 * @param samples the per-seed numbers that went in (for a paired difference, the differences too)
 */
public record Estimate(String quantity, double value, Interval interval, int n, String method, List<Sample> samples) {

    /** Copies the samples. */
    public Estimate {
        samples = List.copyOf(samples);
    }

    /**
     * @param sample one number per seed
     * @return its mean with Student's t interval
     */
    public static Estimate mean(Sample sample) {
        return new Estimate(sample.name(), sample.mean(), sample.interval(), sample.n(),
                "mean over " + seeds(sample.n()) + ", Student's t", List.of(sample));
    }

    /**
     * The difference of two samples' means, a − b. Samples of the same seeds are paired: the
     * interval is that of the per-seed differences, which removes what both share (the
     * initialisation, the data order). Otherwise Welch's interval, which assumes nothing shared.
     *
     * @param a the minuend
     * @param b the subtrahend
     * @return the difference, named {@code "a − b"}
     */
    public static Estimate difference(Sample a, Sample b) {
        if (a.seeds().equals(b.seeds())) {
            Sample paired = a.minusPerSeed(b);
            return new Estimate(paired.name(), paired.mean(), paired.interval(), paired.n(),
                    "paired over " + seeds(paired.n()) + ", Student's t", List.of(a, b, paired));
        }
        return welch(a.name() + " − " + b.name(), a, b);
    }

    private static Estimate welch(String quantity, Sample a, Sample b) {
        double value = a.mean() - b.mean();
        int n = Math.min(a.n(), b.n());
        String method = "Welch, unpaired (" + a.n() + " and " + b.n() + " seeds)";
        if (n < 2) {
            return new Estimate(quantity, value, Interval.UNBOUNDED, n, method, List.of(a, b));
        }
        double va = a.standardDeviation() * a.standardDeviation() / a.n();
        double vb = b.standardDeviation() * b.standardDeviation() / b.n();
        double standardError = Math.sqrt(va + vb);
        // Welch–Satterthwaite degrees of freedom; 0/0 when both samples are constant, and then any t will do.
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double halfWidth = standardError == 0 ? 0 : StudentT.criticalValue95(df) * standardError;
        return new Estimate(quantity, value, Interval.around(value, halfWidth), n, method, List.of(a, b));
    }

    /** @param margin m @return the claim "quantity ≥ m", decided */
    public Evidence atLeast(double margin) {
        return Evidence.of(this, Rule.atLeast(margin));
    }

    /** @param margin m @return the claim "quantity &gt; m", decided */
    public Evidence above(double margin) {
        return Evidence.of(this, Rule.above(margin));
    }

    /** @param margin m @return the claim "quantity ≤ m", decided */
    public Evidence atMost(double margin) {
        return Evidence.of(this, Rule.atMost(margin));
    }

    /** @param margin m @return the claim "quantity &lt; m", decided */
    public Evidence below(double margin) {
        return Evidence.of(this, Rule.below(margin));
    }

    /** @param margin δ ≥ 0 @return the claim "|quantity| ≤ δ", decided */
    public Evidence within(double margin) {
        return Evidence.of(this, Rule.within(margin));
    }

    private static String seeds(int n) {
        return n + (n == 1 ? " seed" : " seeds");
    }
}
