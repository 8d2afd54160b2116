package org.lotterylab.slth;

import java.util.List;
import java.util.SplittableRandom;

/** How a construction lays out the random source network for a target and prunes it by subset sums. */
interface Layering {

    /**
     * @param target the target network
     * @param rho the over-parameterisation ρ
     * @param random draws the source's weights
     * @param log solves the subset sums
     * @return the pruned source layers, in forward order
     */
    List<SourceLayer> layers(Target target, int rho, SplittableRandom random, SolveLog log);
}
