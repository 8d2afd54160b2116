package org.lotterylab.essential;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The essential sparsity of a curve of score against sparsity (Jaiswal et al. 2023): the largest
 * sparsity whose score is within ε of the dense score; every sparser point measured falls below.
 * Found from the numbers, never by eye.
 *
 * <p>As in the paper, the knee is the <em>largest</em> such sparsity: a dip below dense − ε that
 * the curve recovers from (a few test examples at a small sparsity) does not end the flat region.
 * Where no measured sparsity falls below, the knee is the last sparsity measured and
 * {@link #dropsWithinGrid()} is false.
 *
 * <pre>{@code
 * Knee knee = Knee.of(accuracyBySparsity, 1.0);     // scores in points, ε = 1 point
 * knee.essentialSparsity();                         // e.g. 0.4
 * knee.finerGrid(3);                                // [0.425, 0.45, 0.475]: measure these and find it again
 * }</pre>
 *
 * @param essentialSparsity the largest sparsity within ε of dense, in [0, 1)
 * @param nextSparsity the first sparsity measured after it, NaN when none is
 * @param dense the score at sparsity 0
 * @param epsilon the tolerance, in the scores' unit
 * @param flatSlope how fast the score falls up to the knee: points lost per 10% of sparsity
 *     from 0 to the knee (0 when the knee is at 0)
 * @param dropSlope how fast it falls after the knee: points lost per 10% of sparsity from the knee to
 *     the last sparsity measured (NaN when the curve does not drop)
 * @param crossing the essential sparsity read between the grid points: where the straight line from
 *     the knee's score to the next point's crosses dense − ε (NaN when the curve does not drop). The
 *     grid's knee moves in whole steps, so seeds that differ a little often give the same grid knee
 *     and no spread to build an interval from; the crossing moves with the scores.
 */
public record Knee(double essentialSparsity, double nextSparsity, double dense, double epsilon, double flatSlope,
        double dropSlope, double crossing) {

    /** A clear knee: after it the curve falls at least this many times faster than before it. */
    static final double SHARPNESS = 3;

    /**
     * Finds the knee of a curve.
     *
     * @param scoreBySparsity scores by sparsity in [0, 1), including sparsity 0 (the dense score)
     * @param epsilon the tolerance, in the scores' unit (the paper's ε = 1 point of accuracy)
     * @return the knee
     * @throws IllegalArgumentException without a score at sparsity 0, for a sparsity outside [0, 1), or ε &lt; 0
     */
    public static Knee of(Map<Double, Double> scoreBySparsity, double epsilon) {
        NavigableMap<Double, Double> curve = new TreeMap<>(scoreBySparsity);
        if (!curve.containsKey(0.0)) {
            throw new IllegalArgumentException("a knee needs the dense score (sparsity 0); got sparsities " + curve.keySet());
        }
        if (curve.firstKey() < 0 || curve.lastKey() >= 1) {
            throw new IllegalArgumentException("sparsities must lie in [0, 1), got " + curve.keySet());
        }
        if (!(epsilon >= 0)) {
            throw new IllegalArgumentException("epsilon must be ≥ 0, got " + epsilon);
        }
        double dense = curve.get(0.0);
        double knee = curve.entrySet().stream().filter(point -> point.getValue() >= dense - epsilon)
                .mapToDouble(Map.Entry::getKey).max().orElseThrow();
        Double next = curve.higherKey(knee);
        double flat = knee > 0 ? (dense - curve.get(knee)) / (10 * knee) : 0;
        double drop = next == null ? Double.NaN
                : (curve.get(knee) - curve.lastEntry().getValue()) / (10 * (curve.lastKey() - knee));
        // The knee's score is ≥ dense − ε and the next one's below it: the line between them crosses once.
        double crossing = next == null ? Double.NaN
                : knee + (next - knee) * (curve.get(knee) - (dense - epsilon)) / (curve.get(knee) - curve.get(next));
        return new Knee(knee, next == null ? Double.NaN : next, dense, epsilon, flat, drop, crossing);
    }

    /** @return whether some measured sparsity falls below dense − ε (else the knee lies beyond the grid) */
    public boolean dropsWithinGrid() {
        return !Double.isNaN(nextSparsity);
    }

    /**
     * A clear knee: the curve drops within the grid, and after the knee it falls at least three
     * times as fast as over the flat region and by at least ε per 10% of sparsity.
     *
     * @return whether the knee is clear
     */
    public boolean isClear() {
        return dropsWithinGrid() && dropSlope >= epsilon && dropSlope >= SHARPNESS * flatSlope;
    }

    /**
     * Sparsities to measure between the knee and the next measured sparsity, evenly spaced, to find
     * the knee more precisely ("finer around the knee").
     *
     * @param points how many
     * @return the sparsities, increasing; empty when the curve does not drop within the grid
     */
    public List<Double> finerGrid(int points) {
        List<Double> grid = new ArrayList<>();
        if (dropsWithinGrid()) {
            for (int i = 1; i <= points; i++) {
                grid.add(essentialSparsity + i * (nextSparsity - essentialSparsity) / (points + 1));
            }
        }
        return grid;
    }

    @Override
    public String toString() {
        return dropsWithinGrid()
                ? String.format("essential sparsity %.1f%% (dense %.2f, below dense − %.1f from %.1f%%)",
                        100 * essentialSparsity, dense, epsilon, 100 * nextSparsity)
                : String.format("no knee up to %.1f%% (dense %.2f, ε %.1f)", 100 * essentialSparsity, dense, epsilon);
    }
}
