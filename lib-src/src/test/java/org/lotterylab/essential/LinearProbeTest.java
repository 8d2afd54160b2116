package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LinearProbeTest {

    /** Two Gaussian clouds in 5 dimensions whose means differ along the first axis only. */
    private static float[][] clouds(int n, double gap, int[] labels, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] x = new float[n][5];
        for (int i = 0; i < n; i++) {
            labels[i] = i % 2;
            for (int j = 0; j < 5; j++) {
                x[i][j] = (float) (gaussian(random) + (j == 0 ? gap * labels[i] : 0));
            }
        }
        return x;
    }

    private static double gaussian(SplittableRandom random) {
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }

    @Test
    void separatesSeparableClassesPerfectly() {
        int[] labels = new int[200];
        float[][] x = clouds(200, 20, labels, 1);
        assertEquals(1.0, LinearProbe.fit(x, labels).accuracy(x, labels), 1e-12);
    }

    @Test
    void reachesTheBayesAccuracyOnOverlappingClasses() {
        int[] trainLabels = new int[2000];
        int[] testLabels = new int[2000];
        float[][] train = clouds(2000, 2, trainLabels, 2);
        float[][] test = clouds(2000, 2, testLabels, 3);
        // Means 2 apart, unit variance: the best rule errs with probability Φ(−1) ≈ 15.9%.
        double accuracy = LinearProbe.fit(train, trainLabels).accuracy(test, testLabels);
        assertEquals(0.841, accuracy, 0.025);
    }

    @Test
    void constantFeaturesAreHarmless() {
        int[] labels = new int[100];
        float[][] x = clouds(100, 20, labels, 4);
        for (float[] row : x) {
            row[3] = 0;
        }
        assertArrayEquals(labels, LinearProbe.fit(x, labels).predict(x));
    }

    @Test
    void badInputIsExplained() {
        var wrongLabel = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(new float[][] {{1}, {2}}, new int[] {0, 2}));
        assertTrue(wrongLabel.getMessage().contains("0 or 1"), wrongLabel.getMessage());
        assertThrows(IllegalArgumentException.class, () -> LinearProbe.fit(new float[][] {{1}, {2, 3}}, new int[] {0, 1}));
        var width = assertThrows(IllegalArgumentException.class,
                () -> LinearProbe.fit(new float[][] {{1}, {2}}, new int[] {0, 1}).predict(new float[][] {{1, 2}}));
        assertTrue(width.getMessage().contains("1 features"), width.getMessage());
    }
}
