package org.lotterylab.subsetsum;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import java.time.Duration;
import java.util.stream.IntStream;

/**
 * Exact subset sum with OR-Tools CP-SAT: binary s_i, minimise t subject to
 * −t ≤ Σ s_i·x_id − z_d ≤ t for every coordinate d, on {@link IntegerScaling integer-scaled} values.
 * Every solution CP-SAT finds is re-checked in doubles and the search stops at the first within ε;
 * an optimum whose scaled error rules out ε even after rounding is a proof that none exists.
 */
final class CpSatSolver extends InstanceSolver {

    static {
        // Extracts the native library from the ortools-linux-x86-64 jar: no network needed.
        Loader.loadNativeLibraries();
    }

    private final Duration timeLimit;

    CpSatSolver(Duration timeLimit) {
        super("cp-sat");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("the time limit must be positive, got " + timeLimit);
        }
        this.timeLimit = timeLimit;
    }

    @Override
    SubsetSolution search(Instance instance) {
        IntegerScaling scaled = new IntegerScaling(instance);
        CpModel model = new CpModel();
        BoolVar[] chosen = IntStream.range(0, instance.n).mapToObj(i -> model.newBoolVar("s" + i)).toArray(BoolVar[]::new);
        IntVar error = model.newIntVar(0, scaled.errorBound, "t");
        for (int d = 0; d < instance.dimension; d++) {
            long[] column = new long[instance.n];
            for (int i = 0; i < instance.n; i++) {
                column[i] = scaled.vectors[i][d];
            }
            LinearExpr difference = LinearExpr.newBuilder().addWeightedSum(chosen, column).add(-scaled.target[d]).build();
            model.addLessOrEqual(difference, error);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(difference).addTerm(error, 1).build(), 0);
        }
        model.minimize(error);

        CpSolver solver = new CpSolver();
        solver.getParameters().setMaxTimeInSeconds(timeLimit.toMillis() / 1000.0)
                .setNumWorkers(Math.min(8, Runtime.getRuntime().availableProcessors()));
        BestSubset best = new BestSubset(instance, chosen);
        CpSolverStatus status = solver.solve(model, best);
        return instance.answer(best.subset, whyNotReached(status, solver, scaled, instance.epsilon), name());
    }

    /** What a subset outside ε means, given how CP-SAT ended (a subset within ε is REACHED whatever this says). */
    private static SolveStatus whyNotReached(CpSolverStatus status, CpSolver solver, IntegerScaling scaled, double epsilon) {
        return switch (status) {
            // The optimum is a proof when even its rounding slack cannot bring it within ε.
            case OPTIMAL -> scaled.lowerBound(solver.objectiveValue()) > epsilon ? SolveStatus.INFEASIBLE : SolveStatus.NOT_FOUND;
            case FEASIBLE, UNKNOWN -> SolveStatus.TIME_LIMIT;
            default -> throw new IllegalStateException("CP-SAT ended with " + status + " on a model that always has"
                    + " solutions (the empty subset): a bug in the model");
        };
    }

    /** Keeps the solution with the smallest true error and stops the search once it is within ε. */
    private static final class BestSubset extends CpSolverSolutionCallback {
        private final Instance instance;
        private final BoolVar[] chosen;
        private int[] subset = new int[0];
        private double error;

        BestSubset(Instance instance, BoolVar[] chosen) {
            this.instance = instance;
            this.chosen = chosen;
            this.error = instance.error(subset);
        }

        @Override
        public void onSolutionCallback() {
            int[] candidate = IntStream.range(0, chosen.length).filter(i -> booleanValue(chosen[i])).toArray();
            double candidateError = instance.error(candidate);
            if (candidateError < error) {
                subset = candidate;
                error = candidateError;
            }
            if (error <= instance.epsilon) {
                stopSearch();
            }
        }
    }
}
