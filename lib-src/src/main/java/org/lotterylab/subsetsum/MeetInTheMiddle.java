package org.lotterylab.subsetsum;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exhaustive 1-D subset sum in O(2^(n/2)·n): the sums of the second half's subsets are listed in
 * sorted order, and for each subset of the first half a binary search finds the second-half sum
 * nearest to what is missing. It stops at the first subset within ε; when there is none, the
 * error it reports is the exact minimum over all 2ⁿ subsets, and the instance is proven infeasible.
 */
final class MeetInTheMiddle extends InstanceSolver {

    /** 2^20 sums per half: tens of megabytes, a fraction of a second. */
    static final int MAX_VALUES = 40;

    MeetInTheMiddle() {
        super("meet-in-the-middle");
    }

    @Override
    SubsetSolution search(Instance instance) {
        if (instance.dimension != 1 || instance.n > MAX_VALUES) {
            throw new IllegalArgumentException(String.format(
                    "meet-in-the-middle solves 1-D problems with at most %d values, got D = %d and n = %d: use exact or heuristic",
                    MAX_VALUES, instance.dimension, instance.n));
        }
        double[] values = Arrays.stream(instance.vectors).mapToDouble(v -> v[0]).toArray();
        int half = instance.n / 2;
        SortedSums second = SortedSums.of(Arrays.copyOfRange(values, half, instance.n));
        double z = instance.target[0];
        long bestFirst = 0, bestSecond = 0;
        double bestError = Double.POSITIVE_INFINITY;
        for (long first = 0; first < 1L << half && bestError > instance.epsilon; first++) {
            double partial = sumOf(values, first);
            int nearest = second.nearest(z - partial);
            double error = Math.abs(partial + second.sums[nearest] - z);
            if (error < bestError) {
                bestError = error;
                bestFirst = first;
                bestSecond = second.masks[nearest];
            }
        }
        int[] subset = concat(indices(bestFirst, 0), indices(bestSecond, half));
        return instance.answer(subset, SolveStatus.INFEASIBLE, name());
    }

    private static double sumOf(double[] values, long mask) {
        double sum = 0;
        for (int i = 0; i < values.length && mask >> i != 0; i++) {
            if ((mask >> i & 1) == 1) {
                sum += values[i];
            }
        }
        return sum;
    }

    private static int[] indices(long mask, int offset) {
        return IntStream.range(0, 64).filter(i -> (mask >> i & 1) == 1).map(i -> i + offset).toArray();
    }

    private static int[] concat(int[] a, int[] b) {
        int[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** All 2^m subset sums of m values in ascending order, each with its subset as a bit mask. */
    private record SortedSums(double[] sums, long[] masks) {

        /** Built by merging: the sorted sums without value k and the same sums plus value k are both sorted. */
        static SortedSums of(double[] values) {
            double[] sums = {0};
            long[] masks = {0};
            for (int k = 0; k < values.length; k++) {
                int size = sums.length;
                double[] merged = new double[2 * size];
                long[] mergedMasks = new long[2 * size];
                int i = 0, j = 0;
                for (int out = 0; out < 2 * size; out++) {
                    boolean takeWithout = j == size || (i < size && sums[i] <= sums[j] + values[k]);
                    if (takeWithout) {
                        merged[out] = sums[i];
                        mergedMasks[out] = masks[i++];
                    } else {
                        merged[out] = sums[j] + values[k];
                        mergedMasks[out] = masks[j++] | 1L << k;
                    }
                }
                sums = merged;
                masks = mergedMasks;
            }
            return new SortedSums(sums, masks);
        }

        /** Index of the sum nearest to {@code value}. */
        int nearest(double value) {
            int at = Arrays.binarySearch(sums, value);
            if (at >= 0) {
                return at;
            }
            int above = -at - 1;
            if (above == 0) {
                return 0;
            }
            if (above == sums.length) {
                return sums.length - 1;
            }
            return value - sums[above - 1] <= sums[above] - value ? above - 1 : above;
        }
    }
}
