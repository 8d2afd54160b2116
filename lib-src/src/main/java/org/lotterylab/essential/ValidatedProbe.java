package org.lotterylab.essential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * A {@link LinearProbe} whose L2 penalty is chosen on a validation split: the training pool is cut
 * by the seed into a validation part and a fitting part, a probe is fitted on the fitting part at
 * each penalty, the one most accurate on the validation part is kept (the larger penalty on a tie:
 * the simpler model), and only that one is measured on the test examples. The test set never
 * takes part in the choice. A record, so that it names a run in the experiment store.
 *
 * <pre>{@code
 * var protocol = new ValidatedProbe(1.0 / 3, List.of(1.0, 10.0, 100.0, 1000.0));
 * ValidatedProbe.Score score = protocol.score(poolFeatures, poolLabels, testFeatures, testLabels, seed);
 * }</pre>
 *
 * @param validationShare the share of the pool held out for the choice, in (0, 1)
 * @param penalties the L2 penalties tried, each &gt; 0
 */
public record ValidatedProbe(double validationShare, List<Double> penalties) {

    /**
     * A probe's result.
     *
     * @param l2 the penalty chosen
     * @param validationAccuracy its accuracy on the validation part, in [0, 1]
     * @param testAccuracy its accuracy on the test examples, in [0, 1]
     */
    public record Score(double l2, double validationAccuracy, double testAccuracy) {
    }

    /** Copies the penalties and checks the share. */
    public ValidatedProbe {
        penalties = List.copyOf(penalties);
        if (!(validationShare > 0 && validationShare < 1)) {
            throw new IllegalArgumentException("the validation share must lie in (0, 1), got " + validationShare);
        }
        if (penalties.isEmpty() || penalties.stream().anyMatch(p -> !(p > 0))) {
            throw new IllegalArgumentException("give at least one L2 penalty, each > 0; got " + penalties);
        }
    }

    /**
     * @param pool the training pool's features, one row per example
     * @param poolLabels 0 or 1 per pool row
     * @param test the test features
     * @param testLabels 0 or 1 per test row
     * @param seed the seed of the cut into validation and fitting parts
     * @return the chosen penalty with its validation and test accuracy
     * @throws IllegalArgumentException when the cut leaves a part empty
     */
    public Score score(float[][] pool, int[] poolLabels, float[][] test, int[] testLabels, long seed) {
        int validation = (int) Math.round(validationShare * pool.length);
        if (validation < 1 || validation >= pool.length) {
            throw new IllegalArgumentException("a pool of " + pool.length + " rows cut at " + validationShare
                    + " leaves an empty part");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < pool.length; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        float[][] heldOut = rows(pool, order.subList(0, validation));
        int[] heldOutLabels = labels(poolLabels, order.subList(0, validation));
        float[][] fitting = rows(pool, order.subList(validation, pool.length));
        int[] fittingLabels = labels(poolLabels, order.subList(validation, pool.length));
        LinearProbe best = null;
        double bestL2 = Double.NaN;
        double bestAccuracy = -1;
        for (double l2 : penalties) {
            LinearProbe probe = LinearProbe.fit(fitting, fittingLabels, l2);
            double accuracy = probe.accuracy(heldOut, heldOutLabels);
            if (accuracy > bestAccuracy || accuracy == bestAccuracy && l2 > bestL2) {
                best = probe;
                bestL2 = l2;
                bestAccuracy = accuracy;
            }
        }
        return new Score(bestL2, bestAccuracy, best.accuracy(test, testLabels));
    }

    private static float[][] rows(float[][] features, List<Integer> indices) {
        return indices.stream().map(i -> features[i]).toArray(float[][]::new);
    }

    private static int[] labels(int[] labels, List<Integer> indices) {
        return indices.stream().mapToInt(i -> labels[i]).toArray();
    }
}
