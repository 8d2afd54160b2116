package org.lotterylab.subsetsum;

import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The subset-sum solvers, by factory method or by name.
 *
 * <ul>
 *   <li>{@link #exact(Duration)}: OR-Tools CP-SAT on integer-scaled values; finds a subset within
 *       ε or proves there is none, unless the time limit runs out first.
 *   <li>{@link #heuristic()}: smallest subsets first, then greedy + local search; fast, for large
 *       instances and for the thousands of small solves of a construction. Proves infeasibility
 *       only when its first phase happened to enumerate every subset.
 *   <li>{@link #meetInTheMiddle()}: exhaustive and exact for 1-D problems with up to 40 values;
 *       what the random-subset-sum statistics need (success is existence, not a solver's luck).
 * </ul>
 */
public final class SubsetSumSolvers {

    /** Solvers by name, with default limits: {@code exact} (10 s), {@code heuristic}, {@code meet-in-the-middle}. */
    public static final Map<String, Supplier<SubsetSumSolver>> REGISTRY = Collections.unmodifiableMap(new TreeMap<>(Map.of(
            "exact", () -> exact(Duration.ofSeconds(10)),
            "heuristic", SubsetSumSolvers::heuristic,
            "meet-in-the-middle", SubsetSumSolvers::meetInTheMiddle)));

    private SubsetSumSolvers() {}

    /** CP-SAT (OR-Tools) on values scaled to integers so that rounding stays below ε/100 over any subset. */
    public static SubsetSumSolver exact(Duration timeLimit) {
        return new CpSatSolver(timeLimit);
    }

    /** Smallest subsets first, then greedy + local search, with the default effort. */
    public static SubsetSumSolver heuristic() {
        return heuristic(HeuristicConfig.defaults());
    }

    /** Smallest subsets first, then greedy + local search, with the given effort and seed. */
    public static SubsetSumSolver heuristic(HeuristicConfig config) {
        return new LocalSearchSolver(config);
    }

    /** Exhaustive 1-D search by sorted half sums: exact, n ≤ 40. */
    public static SubsetSumSolver meetInTheMiddle() {
        return new MeetInTheMiddle();
    }

    /** A solver of {@link #REGISTRY} by name. */
    public static SubsetSumSolver byName(String name) {
        Supplier<SubsetSumSolver> solver = REGISTRY.get(name);
        if (solver == null) {
            throw new IllegalArgumentException("no subset-sum solver named '" + name + "'; known: " + REGISTRY.keySet());
        }
        return solver.get();
    }
}
