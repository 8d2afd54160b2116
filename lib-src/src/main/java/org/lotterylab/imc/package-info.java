/**
 * Inertial manifold compression (IMC; Zhang et al., NeurIPS 2021), as far as it can be
 * reconstructed: a few SGD steps to W*, the spectrum of the loss Hessian at W*, the smallest
 * dimension n that meets the spectral gap condition of inertial-manifold theory, a mask keeping the
 * n weights with the largest leverage on the retained eigen-subspace, then one-shot training of
 * that ticket. The paper publishes steps 1 (the warm-up) and 6 (train the pruned net); the rest is
 * this package's reconstruction, with both choices where it has to choose ({@link
 * org.lotterylab.hessian.SpectrumEnd}, {@link org.lotterylab.imc.Leverage}).
 *
 * <pre>{@code
 * try (ImcAnalysis imc = Imc.with(ImcConfig.defaults(training)).analyse(net, trainSet)) {
 *     Mask mask = imc.mask(SpectrumEnd.SLOW, Leverage.SUBSPACE);      // keeps imc.dimension(SLOW) weights
 *     TrainingHistory history = imc.ticket(mask).train(net, training, trainSet, testSet);
 * }
 * }</pre>
 */
package org.lotterylab.imc;
