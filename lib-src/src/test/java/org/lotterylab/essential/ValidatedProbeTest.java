package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ValidatedProbeTest {

    /** Rows of 20 features: the label is the sign of the first one; the other 19 are noise. */
    private static float[][] features(int rows, long seed) {
        Random random = new Random(seed);
        float[][] x = new float[rows][20];
        for (float[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = (float) random.nextGaussian();
            }
        }
        return x;
    }

    private static int[] labels(float[][] x) {
        int[] y = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = x[i][0] > 0 ? 1 : 0;
        }
        return y;
    }

    @Test
    void choosesOnValidationAndNeverLooksAtTheTestLabels() {
        var protocol = new ValidatedProbe(0.25, List.of(0.01, 1.0, 1e6));
        float[][] pool = features(200, 1);
        float[][] test = features(100, 2);
        var score = protocol.score(pool, labels(pool), test, labels(test), 7);
        // A penalty of 10⁶ flattens the probe to its bias: the validation part cannot prefer it.
        assertTrue(score.l2() < 1e6, score.toString());
        assertTrue(score.testAccuracy() > 0.9, score.toString());
        assertTrue(score.validationAccuracy() > 0.85, score.toString());
        // Inverted test labels: the same choice, the opposite accuracy.
        int[] inverted = labels(test);
        for (int i = 0; i < inverted.length; i++) {
            inverted[i] = 1 - inverted[i];
        }
        var flipped = protocol.score(pool, labels(pool), test, inverted, 7);
        assertEquals(score.l2(), flipped.l2());
        assertEquals(1 - score.testAccuracy(), flipped.testAccuracy(), 1e-12);
        assertEquals(score, protocol.score(pool, labels(pool), test, labels(test), 7), "same seed, same score");
    }

    @Test
    void refusesBadSharesAndPenalties() {
        assertThrows(IllegalArgumentException.class, () -> new ValidatedProbe(0, List.of(1.0)));
        assertThrows(IllegalArgumentException.class, () -> new ValidatedProbe(0.5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ValidatedProbe(0.5, List.of(0.0)));
        float[][] one = features(1, 1);
        assertThrows(IllegalArgumentException.class, () -> new ValidatedProbe(0.5, List.of(1.0)).score(one, labels(one), one, labels(one), 0));
    }
}
