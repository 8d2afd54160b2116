package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * BERT's masked-language-model corruption (Devlin et al. 2019): a share of the real tokens (15%)
 * is chosen for prediction; of those, 80% become [MASK], 10% a random token and 10% stay as they
 * are. Padding and the special tokens ([CLS], [SEP] ...) are never chosen.
 *
 * <p>The choice comes from a Java generator, not the engine, so a seed gives the same corruption on
 * every device and does not disturb the engine's random state (dropout).
 *
 * <pre>{@code
 * var masking = MlmMasking.bert(vocab.maskId(), vocab.size(), vocab.specialIds());
 * NDList corrupted = masking.apply(ids, attentionMask, random);   // inputs, targets, weights
 * }</pre>
 *
 * @param rate the share of real tokens chosen for prediction, in (0, 1)
 * @param maskShare of the chosen, the share replaced by [MASK]
 * @param randomShare of the chosen, the share replaced by a random token (the rest stay)
 * @param maskId the id of [MASK]
 * @param vocabSize the number of token ids; random tokens are drawn from those that are not special
 * @param specialIds ids that are never chosen nor drawn as random tokens
 */
public record MlmMasking(double rate, double maskShare, double randomShare, long maskId, int vocabSize,
        Set<Long> specialIds) {

    /** Validates the shares and ids. */
    public MlmMasking {
        specialIds = Set.copyOf(specialIds);
        if (!(rate > 0 && rate < 1) || maskShare < 0 || randomShare < 0 || maskShare + randomShare > 1) {
            throw new IllegalArgumentException("need 0 < rate < 1 and maskShare + randomShare ≤ 1, got rate " + rate
                    + ", mask " + maskShare + ", random " + randomShare + " (BERT: 0.15, 0.8, 0.1)");
        }
        if (maskId < 0 || maskId >= vocabSize || specialIds.size() >= vocabSize) {
            throw new IllegalArgumentException("the [MASK] id " + maskId + " must be a token id below the vocabulary size "
                    + vocabSize + ", and some ids must not be special");
        }
    }

    /**
     * BERT's recipe: 15% chosen; 80% [MASK], 10% random, 10% unchanged.
     *
     * @param maskId the id of [MASK]
     * @param vocabSize the number of token ids
     * @param specialIds ids never chosen nor drawn ([PAD], [CLS], [SEP], [MASK], [UNK] ...)
     * @return the masking
     */
    public static MlmMasking bert(long maskId, int vocabSize, Set<Long> specialIds) {
        return new MlmMasking(0.15, 0.8, 0.1, maskId, vocabSize, specialIds);
    }

    /**
     * Corrupts a batch of token ids.
     *
     * @param ids int64 token ids [B, T]
     * @param attentionMask 1 for real tokens, 0 for padding, [B, T]
     * @param random the generator deciding what is chosen
     * @return (corrupted ids int64 [B, T], target ids int64 [B, T], weights float32 [B, T]: 1 where a
     *     token was chosen, so the loss counts it, else 0), on the ids' manager
     */
    public NDList apply(NDArray ids, NDArray attentionMask, SplittableRandom random) {
        if (!ids.getShape().equals(attentionMask.getShape())) {
            throw new IllegalArgumentException("ids " + ids.getShape() + " and attention mask "
                    + attentionMask.getShape() + " must have one shape");
        }
        long[] tokens = ids.toType(DataType.INT64, false).toLongArray();
        long[] real = attentionMask.toType(DataType.INT64, false).toLongArray();
        long[] inputs = tokens.clone();
        float[] weights = new float[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            if (real[i] == 0 || specialIds.contains(tokens[i]) || random.nextDouble() >= rate) {
                continue;
            }
            weights[i] = 1;
            double action = random.nextDouble();
            if (action < maskShare) {
                inputs[i] = maskId;
            } else if (action < maskShare + randomShare) {
                inputs[i] = regularToken(random);
            }
        }
        NDManager manager = ids.getManager();
        return new NDList(manager.create(inputs, ids.getShape()), manager.create(tokens, ids.getShape()),
                manager.create(weights, ids.getShape()));
    }

    private long regularToken(SplittableRandom random) {
        long token;
        do {
            token = random.nextInt(vocabSize);
        } while (specialIds.contains(token));
        return token;
    }
}
