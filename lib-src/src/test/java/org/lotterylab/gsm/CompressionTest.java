package org.lotterylab.gsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

class CompressionTest {

    @Test
    void keepsTheTotalOverTheRatio() {
        // The paper's LeNet-300-100 at 60×: 266,200 weights, 4,437 kept (1.67%).
        assertEquals(4437, Compression.of(60).keep(266_200));
        assertEquals(1, Compression.of(1e9).keep(100), "at least one weight survives");
        assertEquals("125×", Compression.of(125).toString());
    }

    @Test
    void truncationLeavesExactlyQNonZerosTheLargest() {
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = Models.lenet300100(10).initialize(manager, 3);
            Compression compression = Compression.of(60);
            long keep = compression.keep(net);
            try (Mask mask = compression.truncate(net)) {
                assertEquals(keep, mask.remaining());
                long nonZero = net.prunableParameters().values().stream()
                        .mapToLong(p -> p.getArray().countNonzero().getLong()).sum();
                assertEquals(keep, nonZero);
                float smallestKept = Float.MAX_VALUE;
                for (String name : mask.names()) {
                    float[] w = net.parameter(name).getArray().toFloatArray();
                    for (float v : w) {
                        if (v != 0) {
                            smallestKept = Math.min(smallestKept, Math.abs(v));
                        }
                    }
                }
                // Every weight pruned was no larger than every weight kept.
                Net fresh = Models.lenet300100(10).initialize(manager, 3);
                for (String name : mask.names()) {
                    float[] w = fresh.parameter(name).getArray().toFloatArray();
                    float[] m = mask.get(name).toFloatArray();
                    for (int i = 0; i < w.length; i++) {
                        assertTrue(m[i] == 1 || Math.abs(w[i]) <= smallestKept, name + " #" + i);
                    }
                }
            }
        }
    }

    @Test
    void rejectsRatiosBelowOne() {
        var error = assertThrows(IllegalArgumentException.class, () -> Compression.of(0.5));
        assertTrue(error.getMessage().contains("≥ 1"), error.getMessage());
    }
}
