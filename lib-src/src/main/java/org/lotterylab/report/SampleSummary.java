package org.lotterylab.report;

import org.lotterylab.evidence.Interval;
import org.lotterylab.evidence.Sample;

/**
 * A sample over seeds in one table row ({@link Tables#summary}): numbers to four significant digits.
 *
 * @param quantity what the sample measures
 * @param n the number of seeds
 * @param mean the mean over seeds
 * @param sd the standard deviation over seeds (NaN for one seed)
 * @param low95 the lower end of the mean's 95% interval (−∞ for one seed)
 * @param high95 the upper end (+∞ for one seed)
 */
public record SampleSummary(String quantity, int n, double mean, double sd, double low95, double high95) {

    /**
     * @param sample one number per seed
     * @return its summary
     */
    public static SampleSummary of(Sample sample) {
        Interval interval = sample.interval();
        return new SampleSummary(sample.name(), sample.n(), rounded(sample.mean()), rounded(sample.standardDeviation()),
                rounded(interval.low()), rounded(interval.high()));
    }

    private static double rounded(double value) {
        return Double.isFinite(value) ? Double.parseDouble(Numbers.significant(value, 4)) : value;
    }
}
