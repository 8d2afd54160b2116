/**
 * BiP, bi-level pruning (Zhang et al. 2022): mask and weights optimised by alternating steps, the
 * mask step with an implicit-gradient term that can be switched off (Hydra-style score training);
 * unstructured (global top-k) or filter-wise.
 *
 * <pre>{@code
 * BipResult bip = Bip.prune(pretrained, train, BipConfig.of(0.05, 3));
 * BipResult hydra = Bip.prune(pretrained2, train, BipConfig.of(0.05, 3).withImplicitGradient(false));
 * }</pre>
 */
package org.lotterylab.bip;
