package org.lotterylab.bert;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The sub-layer that closes attention and feed-forward alike in BERT (Hugging Face's
 * {@code BertSelfOutput} and {@code BertOutput}): LayerNorm(dense(x) + residual).
 * Input: (x [B, T, any], residual [B, T, H]); output: ([B, T, H]).
 */
final class ResidualOutput extends Named {

    private final Linear dense;
    private final Norm norm;

    ResidualOutput(BertConfig config) {
        this.dense = child("dense", Bert.linear(config.hidden()));
        this.norm = child("LayerNorm", new Norm(config.hidden(), config.layerNormEps()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList projected = dense.forward(store, new NDList(inputs.get(0)), training);
        return norm.forward(store, new NDList(projected.head().add(inputs.get(1))), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        dense.initialize(manager, dataType, inputShapes[0]);
        norm.initialize(manager, dataType, inputShapes[1]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[1]};
    }
}
