package org.lotterylab.data;

import java.util.Random;

/** Seeded permutations: every random choice of the data package goes through here, so a seed fixes it. */
final class Shuffle {

    private Shuffle() {
    }

    /**
     * A uniformly random permutation of {@code 0..n-1} (Fisher–Yates).
     *
     * @param n the length
     * @param random the source of randomness
     * @return the permutation
     */
    static int[] permutation(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
