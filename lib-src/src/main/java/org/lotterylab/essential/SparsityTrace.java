package org.lotterylab.essential;

import java.util.List;

/**
 * The near-zero mass of a net at checkpoints of its training: how the share of tiny weights grows
 * (the paper's "abrupt sparsification" of BERT pre-training).
 *
 * @param thresholds the magnitudes counted below, increasing
 * @param points the checkpoints, by increasing iteration
 */
public record SparsityTrace(List<Double> thresholds, List<Point> points) {

    /**
     * One checkpoint.
     *
     * @param iteration optimizer steps taken
     * @param loss the mean training loss since the previous checkpoint (NaN at iteration 0)
     * @param nearZero the fraction of prunable weights below each threshold, in the thresholds' order
     */
    public record Point(int iteration, double loss, List<Double> nearZero) {
    }

    /** Copies the lists and checks that every point has one fraction per threshold. */
    public SparsityTrace {
        thresholds = List.copyOf(thresholds);
        points = List.copyOf(points);
        for (Point point : points) {
            if (point.nearZero().size() != thresholds.size()) {
                throw new IllegalArgumentException("checkpoint " + point.iteration() + " has " + point.nearZero().size()
                        + " fractions for " + thresholds.size() + " thresholds");
            }
        }
    }

    /**
     * @param threshold one of the thresholds
     * @return the fraction below it at each checkpoint
     */
    public double[] fractions(double threshold) {
        int column = thresholds.indexOf(threshold);
        if (column < 0) {
            throw new IllegalArgumentException("the trace counts below " + thresholds + ", not " + threshold);
        }
        return points.stream().mapToDouble(p -> p.nearZero().get(column)).toArray();
    }

    /** @return the iterations of the checkpoints */
    public double[] iterations() {
        return points.stream().mapToDouble(Point::iteration).toArray();
    }

    /**
     * @param threshold one of the thresholds
     * @return the largest rise of the fraction below it within a tenth of the checkpoints
     */
    public StepRise stepRise(double threshold) {
        return StepRise.of(iterations(), fractions(threshold));
    }
}
