/**
 * Essential sparsity (Jaiswal et al., NeurIPS 2023): one-shot pruning of a pre-trained transformer,
 * the knee of its accuracy curve, and the near-zero weights that emerge while a BERT is pre-trained.
 *
 * <ul>
 *   <li>{@link org.lotterylab.essential.TextTask}, {@link org.lotterylab.essential.TokenizedTask}: the
 *       spam tasks (easy: subject and body; hard: subject only), scored by a
 *       {@link org.lotterylab.essential.LinearProbe} on frozen embeddings or by fine-tuning with the mask fixed;</li>
 *   <li>{@link org.lotterylab.essential.OneShot}: OMP, random (any criterion by name) and N:M masks drawn once from pre-trained weights;</li>
 *   <li>{@link org.lotterylab.essential.Knee}: the essential sparsity of a curve, found by code;</li>
 *   <li>{@link org.lotterylab.essential.MlmPretraining} with {@link org.lotterylab.essential.MlmMasking},
 *       {@link org.lotterylab.essential.MaskedLmLoss} and {@link org.lotterylab.essential.CompactVocabulary}:
 *       a tiny BERT pre-trained from scratch, its {@link org.lotterylab.essential.NearZero} mass traced in a
 *       {@link org.lotterylab.essential.SparsityTrace} and judged by {@link org.lotterylab.essential.StepRise};</li>
 *   <li>{@link org.lotterylab.essential.Encoders}: the sentence encoder inside any BERT net, to probe models
 *       trained with different objectives alike.</li>
 * </ul>
 *
 * <pre>{@code
 * var hard = TokenizedTask.of(TextTask.spam("hard", emails, Email::subject, 250, 250, 0), tokenizer, manager, 32);
 * var curve = new TreeMap<Double, Double>();
 * for (double s : List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5)) {
 *     try (Mask mask = OneShot.magnitude(s).prune(minilm)) {
 *         curve.put(s, 100 * hard.probe(minilm));
 *     }
 *     minilm.load(pretrained);
 * }
 * Knee knee = Knee.of(curve, 1.0);
 * }</pre>
 */
package org.lotterylab.essential;
