/**
 * Strong lottery tickets by construction: a random source network pruned, weight by weight, by
 * subset sums until it computes a given target network (Burkholz 2022; Pensia et al. 2020).
 *
 * <p>A target is an {@link org.lotterylab.slth.Architecture} (MLP or small CNN, one of the
 * {@link org.lotterylab.slth.Nonlinearity}s) whose trained weights {@link org.lotterylab.slth.Target}
 * reads; a {@link org.lotterylab.slth.Construction} (depth L+1 or 2L) builds the ticket as an ordinary
 * net and mask, a {@link org.lotterylab.slth.Constructed}, which every tool of the library measures.
 *
 * <pre>{@code
 * Architecture mlp = Architecture.mlp(Nonlinearity.SIGMOID, new Shape(1, 14, 14), 10, 32, 32);
 * Net trained = ...;                                     // trained and pruned mlp.net()
 * try (Constructed ticket = Construction.depthPlusOne(15, 0.01).build(Target.read(mlp, trained), manager)) {
 *     OutputError error = OutputError.between(trained, ticket.net(), images);
 *     display(ticket.mask().report());
 * }
 * }</pre>
 *
 * <p>Choices the papers leave open, made here: ε is the tolerance of each subset sum; source
 * biases are never pruned (bias neurons draw U(0, 2), every other neuron has bias 0) and deeper
 * target biases travel through copies of a constant unit; convolutions are approximated per
 * kernel tap with copies per channel; smooth activations use a near-linear first layer whose scale
 * is {@link org.lotterylab.slth.Nonlinearity#linearScale()}; a subset sum that misses ε keeps the
 * solver's best subset and is counted in {@link org.lotterylab.slth.Constructed#failedSolves()}.
 */
package org.lotterylab.slth;
