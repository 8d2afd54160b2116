package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Sentence-transformers' mean pooling: the average of the token vectors that the attention mask
 * keeps, so padding does not dilute short sentences. Input: (hidden [B, T, H], attentionMask
 * [B, T]); output: (embedding [B, H]).
 */
final class MeanPooling extends AbstractBlock {

    /** Sentence-transformers' floor on the token count, which only matters for an all-padding row. */
    private static final float MIN_TOKENS = 1e-9f;

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray mask = inputs.get(1).toType(DataType.FLOAT32, false).expandDims(-1);
        NDArray sum = inputs.get(0).mul(mask).sum(new int[] {1});
        return new NDList(sum.div(mask.sum(new int[] {1}).maximum(MIN_TOKENS)));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape hidden = inputShapes[0];
        return new Shape[] {new Shape(hidden.get(0), hidden.get(2))};
    }
}
