package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Masked-language-model loss as a DJL {@link Loss}: softmax cross-entropy of the vocabulary logits
 * at the chosen positions only, averaged over them.
 *
 * <p>Labels are what {@link MlmMasking#apply} returns after the corrupted ids: (target ids int64
 * [B, T], weights float32 [B, T], 1 where a token counts); predictions are the masked-LM head's
 * logits [B, T, vocab].
 */
public final class MaskedLmLoss extends Loss {

    /** A loss named "MaskedLmLoss", as DJL's listeners report it. */
    public MaskedLmLoss() {
        super("MaskedLmLoss");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logits = predictions.singletonOrThrow();
        long vocab = logits.getShape().get(logits.getShape().dimension() - 1);
        NDArray logProbabilities = logits.reshape(-1, vocab).logSoftmax(-1);
        NDArray targets = labels.get(0).reshape(-1);
        NDArray weights = labels.get(1).reshape(-1);
        NDArray picked = logProbabilities.gather(targets.expandDims(-1), 1).reshape(-1);
        // At least one chosen token per batch in practice; the floor only avoids 0 / 0 for an empty one.
        return picked.mul(weights).sum().neg().div(weights.sum().maximum(1f));
    }
}
