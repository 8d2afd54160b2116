package org.lotterylab.subsetsum;

/**
 * What every solver does before it searches: validate the problem into an {@link Instance} and
 * answer a target out of the reachable range at once, as proven infeasible.
 */
abstract class InstanceSolver implements SubsetSumSolver {

    private final String name;

    InstanceSolver(String name) {
        this.name = name;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final SubsetSolution solve(double[][] vectors, double[] target, double epsilon) {
        Instance instance = new Instance(vectors, target, epsilon);
        int[] closest = instance.outOfRange();
        return closest != null ? instance.answer(closest, SolveStatus.INFEASIBLE, name()) : search(instance);
    }

    /** Searches a valid instance whose target every coordinate's range contains. */
    abstract SubsetSolution search(Instance instance);
}
