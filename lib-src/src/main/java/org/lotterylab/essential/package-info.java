/**
 * Essential sparsity (Jaiswal et al., NeurIPS 2023): one-shot pruning of a pre-trained transformer,
 * the knee of its accuracy curve, and the near-zero weights that emerge while a BERT is pre-trained.
 *
 * <ul>
 *   <li>{@link org.lotterylab.essential.TextTask}, {@link org.lotterylab.essential.TokenizedTask}: text tasks
 *       (spam, and {@link org.lotterylab.essential.WordOrder}'s original vs word-shuffled text, which a bag of
 *       words cannot solve), scored by a {@link org.lotterylab.essential.LinearProbe} on frozen embeddings (its
 *       penalty chosen on validation by {@link org.lotterylab.essential.ValidatedProbe}) or by fine-tuning with
 *       the mask fixed;</li>
 *   <li>{@link org.lotterylab.essential.OneShot}: OMP, random (any criterion by name) and N:M masks drawn once
 *       from pre-trained weights, and the floor (every prunable weight removed);</li>
 *   <li>{@link org.lotterylab.essential.Knee}: the essential sparsity of a curve, found by code, on the grid and
 *       read between grid points;</li>
 *   <li>{@link org.lotterylab.essential.MlmPretraining} with {@link org.lotterylab.essential.MlmMasking},
 *       {@link org.lotterylab.essential.MaskedLmLoss} and {@link org.lotterylab.essential.CompactVocabulary}:
 *       a tiny BERT pre-trained from scratch, its {@link org.lotterylab.essential.NearZero} mass traced in a
 *       {@link org.lotterylab.essential.SparsityTrace} and judged by {@link org.lotterylab.essential.StepRise};</li>
 *   <li>{@link org.lotterylab.essential.Encoders}: the sentence encoder inside any BERT net, to probe models
 *       trained with different objectives alike.</li>
 * </ul>
 *
 * <pre>{@code
 * var order = TokenizedTask.of(WordOrder.task("12 words", emails, 12, 450, Integer.MAX_VALUE, 0), tokenizer, manager, 32);
 * var probing = new ValidatedProbe(1.0 / 3, List.of(1.0, 10.0, 100.0, 1000.0));
 * var curve = new TreeMap<Double, Double>();
 * for (double s : List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5)) {
 *     try (Mask mask = OneShot.magnitude(s).prune(minilm)) {
 *         curve.put(s, 100 * order.probe(order.embeddings(minilm), probing, seed).testAccuracy());
 *     }
 *     minilm.load(pretrained);
 * }
 * Knee knee = Knee.of(curve, 1.0);
 * }</pre>
 */
package org.lotterylab.essential;
