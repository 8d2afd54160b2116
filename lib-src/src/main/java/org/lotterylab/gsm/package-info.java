/**
 * Global Sparse Momentum SGD (Ding et al., NeurIPS 2019): pruning while training, from one global
 * compression ratio.
 *
 * <ul>
 *   <li>{@link org.lotterylab.gsm.Compression}: the ratio C, Q = N / C, and the final magnitude truncation to Q;</li>
 *   <li>{@link org.lotterylab.gsm.GlobalSparseMomentum}: the optimizer, for any
 *       {@link org.lotterylab.train.Training} run;</li>
 *   <li>{@link org.lotterylab.gsm.DensityTrace}: the per-layer density of the top-Q set at each evaluation;</li>
 *   <li>{@link org.lotterylab.gsm.Gsm}: the paper's procedure (train, truncate, measure), stored in the run store.</li>
 * </ul>
 *
 * <pre>{@code
 * var config = new GsmConfig(training.withMomentum(0.99).withWeightDecay(5e-4), Compression.of(60));
 * GsmResult result = Gsm.with(config).storedIn(run).fit(denseNet, trainSet, testSet);
 * result.truncatedAccuracy();    // no fine-tuning
 * }</pre>
 */
package org.lotterylab.gsm;
