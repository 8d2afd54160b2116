package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MlmMaskingTest {

    private static final int ROWS = 200;
    private static final int LENGTH = 100;
    private static final long PAD = 0;
    private static final long CLS = 1;
    private static final long SEP = 2;
    private static final long MASK = 3;

    private final NDManager manager = NDManager.newBaseManager();
    private final MlmMasking masking = MlmMasking.bert(MASK, 1000, Set.of(PAD, CLS, SEP, MASK));

    @AfterEach
    void close() {
        manager.close();
    }

    /** Rows of [CLS] t t ... [SEP] [PAD] ..., the real length varying by row; tokens from 10 up. */
    private long[] tokens(long[] attention) {
        long[] ids = new long[ROWS * LENGTH];
        for (int r = 0; r < ROWS; r++) {
            int real = LENGTH / 2 + r % (LENGTH / 2);
            for (int t = 0; t < LENGTH; t++) {
                int i = r * LENGTH + t;
                ids[i] = t == 0 ? CLS : t == real - 1 ? SEP : t < real ? 10 + (i % 900) : PAD;
                attention[i] = t < real ? 1 : 0;
            }
        }
        return ids;
    }

    @Test
    void choosesFifteenPercentSplitEightyTenTen() {
        long[] attention = new long[ROWS * LENGTH];
        long[] original = tokens(attention);
        Shape shape = new Shape(ROWS, LENGTH);
        NDList out = masking.apply(manager.create(original, shape), manager.create(attention, shape), new SplittableRandom(7));
        long[] inputs = out.get(0).toLongArray();
        assertArrayEquals(original, out.get(1).toLongArray(), "the targets are the original tokens");
        float[] weights = out.get(2).toFloatArray();
        int regular = 0;
        int chosen = 0;
        int masked = 0;
        int unchanged = 0;
        for (int i = 0; i < original.length; i++) {
            boolean special = original[i] == PAD || original[i] == CLS || original[i] == SEP;
            regular += special ? 0 : 1;
            if (weights[i] == 0) {
                assertEquals(original[i], inputs[i], "a token not chosen is left as it is");
                continue;
            }
            assertTrue(!special, "special tokens and padding are never chosen");
            chosen++;
            masked += inputs[i] == MASK ? 1 : 0;
            unchanged += inputs[i] == original[i] ? 1 : 0;
            assertTrue(inputs[i] == MASK || inputs[i] > SEP, "random tokens are never special");
        }
        assertEquals(0.15, (double) chosen / regular, 0.01);
        assertEquals(0.8, (double) masked / chosen, 0.02);
        // "Unchanged" also counts the rare random draw of the original token itself.
        assertEquals(0.1, (double) unchanged / chosen, 0.02);
    }

    @Test
    void theSameSeedGivesTheSameCorruption() {
        long[] attention = new long[ROWS * LENGTH];
        long[] original = tokens(attention);
        Shape shape = new Shape(ROWS, LENGTH);
        long[] first = masking.apply(manager.create(original, shape), manager.create(attention, shape), new SplittableRandom(3))
                .get(0).toLongArray();
        long[] second = masking.apply(manager.create(original, shape), manager.create(attention, shape), new SplittableRandom(3))
                .get(0).toLongArray();
        assertArrayEquals(first, second);
    }

    @Test
    void badSharesAreExplained() {
        var shares = assertThrows(IllegalArgumentException.class, () -> new MlmMasking(0.15, 0.8, 0.3, MASK, 1000, Set.of()));
        assertTrue(shares.getMessage().contains("0.15, 0.8, 0.1"), shares.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MlmMasking.bert(5000, 1000, Set.of()));
    }
}
