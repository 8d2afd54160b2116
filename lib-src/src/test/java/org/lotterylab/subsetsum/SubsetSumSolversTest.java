package org.lotterylab.subsetsum;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SubsetSumSolversTest {

    private static final List<SubsetSumSolver> SOLVERS = List.of(
            SubsetSumSolvers.exact(Duration.ofSeconds(10)), SubsetSumSolvers.heuristic(), SubsetSumSolvers.meetInTheMiddle());

    @Test
    void aKnownInstanceIsSolvedToEpsilonByEverySolver() {
        double[] values = {0.31, -0.72, 0.55, 0.18, 0.9, -0.4};
        for (SubsetSumSolver solver : SOLVERS) {
            SubsetSolution s = solver.solve(values, 0.49, 1e-9);   // 0.31 + 0.18 is the only way
            assertTrue(s.reached(), s::toString);
            assertArrayEquals(new int[] {0, 3}, s.subset(), s::toString);
            assertEquals(0.49, s.sum()[0], 1e-9);
            assertEquals(solver.name(), s.solver());
        }
    }

    @Test
    void aTargetOutOfRangeIsProvenInfeasible() {
        double[] values = {0.3, -0.2, 0.4};
        for (SubsetSumSolver solver : SOLVERS) {
            SubsetSolution s = solver.solve(values, 0.8, 1e-3);   // at most 0.7 is reachable
            assertFalse(s.reached(), s::toString);
            assertEquals(SolveStatus.INFEASIBLE, s.status(), s::toString);
            assertEquals(0.1, s.error(), 1e-9, "the best error is the nearest reachable sum's");
        }
    }

    @Test
    void aGapInsideTheRangeIsProvenInfeasibleByTheExactSolvers() {
        double[] values = {0.5, 0.25, -0.125};   // sums are multiples of 0.125: 0.3 is 0.05 away from any
        for (SubsetSumSolver solver : SOLVERS) {
            SubsetSolution s = solver.solve(values, 0.3, 0.01);
            assertEquals(SolveStatus.INFEASIBLE, s.status(), s::toString);
            assertEquals(0.05, s.error(), 1e-9, s::toString);
        }
    }

    @Test
    void aMultidimensionalInstanceIsSolved() {
        // NSN vectors (a normal scalar times a normal vector), as structured pruning produces them.
        Random random = new Random(3);
        double[][] vectors = new double[40][4];
        for (double[] v : vectors) {
            double scalar = random.nextGaussian();
            for (int d = 0; d < v.length; d++) {
                v[d] = scalar * random.nextGaussian();
            }
        }
        double[] target = random.doubles(4, -1, 1).toArray();
        for (SubsetSumSolver solver : List.of(SubsetSumSolvers.exact(Duration.ofSeconds(10)), SubsetSumSolvers.heuristic())) {
            SubsetSolution s = solver.solve(vectors, target, 0.1);
            assertTrue(s.reached(), s::toString);
            assertEquals(4, s.sum().length);
            double error = 0;
            for (int d = 0; d < 4; d++) {
                error = Math.max(error, Math.abs(s.sum()[d] - target[d]));
            }
            assertEquals(error, s.error(), 1e-12, "the reported error is the true max-abs error");
        }
    }

    @Test
    void integerScalingKeepsTheTrueErrorWithinEpsilon() {
        // Values that are no multiple of any scale: the error CP-SAT sees is rounded, the one reported is not.
        Random random = new Random(7);
        SubsetSumSolver exact = SubsetSumSolvers.exact(Duration.ofSeconds(10));
        for (int trial = 0; trial < 20; trial++) {
            double[] values = random.doubles(14, -1, 1).toArray();
            double target = random.nextDouble(-1, 1);
            double epsilon = 1e-3;
            SubsetSolution s = exact.solve(values, target, epsilon);
            SubsetSolution truth = SubsetSumSolvers.meetInTheMiddle().solve(values, target, epsilon);
            assertEquals(truth.reached(), s.reached(), () -> s + " vs " + truth);
            double sum = 0;
            for (int i : s.subset()) {
                sum += values[i];
            }
            assertEquals(Math.abs(sum - target), s.error(), 1e-15);
            assertTrue(!s.reached() || s.error() <= epsilon);
        }
    }

    @Test
    void aTimeLimitThatRunsOutIsReportedNotHidden() {
        Random random = new Random(11);
        double[][] vectors = gaussians(random, 120, 30);
        double[] target = random.doubles(30, -1, 1).toArray();
        SubsetSolution s = SubsetSumSolvers.exact(Duration.ofMillis(200)).solve(vectors, target, 1e-6);
        assertEquals(SolveStatus.TIME_LIMIT, s.status(), s::toString);
        assertFalse(s.reached());
        assertTrue(s.error() > 1e-6);
    }

    @Test
    void theHeuristicSaysWhenItGivesUp() {
        Random random = new Random(5);
        double[][] vectors = gaussians(random, 40, 12);
        SubsetSolution s = SubsetSumSolvers.heuristic().solve(vectors, random.doubles(12, -1, 1).toArray(), 1e-6);
        assertEquals(SolveStatus.NOT_FOUND, s.status(), s::toString);
        assertTrue(s.error() > 1e-6);
    }

    @Test
    void badInputIsRefusedWithTheReason() {
        var solver = SubsetSumSolvers.heuristic();
        var wrongLength = assertThrows(IllegalArgumentException.class,
                () -> solver.solve(new double[][] {{1, 2}, {3}}, new double[] {1, 1}, 0.1));
        assertTrue(wrongLength.getMessage().contains("vector 1 has length 1"), wrongLength.getMessage());
        assertThrows(IllegalArgumentException.class, () -> solver.solve(new double[] {1}, 1, 0));
        var tooMany = assertThrows(IllegalArgumentException.class,
                () -> SubsetSumSolvers.meetInTheMiddle().solve(new double[41], 0, 0.1));
        assertTrue(tooMany.getMessage().contains("at most 40"), tooMany.getMessage());
        var unknown = assertThrows(IllegalArgumentException.class, () -> SubsetSumSolvers.byName("gurobi"));
        assertTrue(unknown.getMessage().contains("heuristic"), unknown.getMessage());
    }

    private static double[][] gaussians(Random random, int n, int dimension) {
        double[][] vectors = new double[n][dimension];
        for (double[] v : vectors) {
            for (int d = 0; d < dimension; d++) {
                v[d] = random.nextGaussian();
            }
        }
        return vectors;
    }
}
