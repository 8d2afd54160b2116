/**
 * Subset sums, 1-D and multidimensional: pick a subset of given vectors whose sum is within ε of
 * a target in the max-abs (L∞) norm. The strong-lottery-ticket constructions prune a random
 * network by solving thousands of these, one per target weight (1-D) or per input channel (NSN
 * vectors, structured pruning).
 *
 * <pre>{@code
 * SubsetSumSolver solver = SubsetSumSolvers.heuristic();
 * SubsetSolution s = solver.solve(new double[] {0.31, -0.72, 0.55, 0.18}, 0.49, 1e-2);
 * if (!s.reached()) System.out.println(s.status() + ": best error " + s.error());
 * SubsetSolution exact = SubsetSumSolvers.exact(Duration.ofSeconds(5)).solve(vectors, target, 0.05);
 * }</pre>
 *
 * <p>Every solver re-checks the error of the subset it returns in doubles, and says whether it
 * reached ε ({@link org.lotterylab.subsetsum.SubsetSolution#reached()}) and why not
 * ({@link org.lotterylab.subsetsum.SolveStatus}): it never returns a silently worse answer.
 */
package org.lotterylab.subsetsum;
