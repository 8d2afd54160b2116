package org.lotterylab.bert;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Hugging Face's {@code BertAttention}: self-attention ({@code self}) then its residual output
 * ({@code output}). Input: (hidden [B, T, H], attentionMask [B, T]); output: (hidden [B, T, H]).
 */
final class BertAttention extends Named {

    private final SelfAttention self;
    private final ResidualOutput output;

    BertAttention(BertConfig config) {
        this.self = child("self", new SelfAttention(config));
        this.output = child("output", new ResidualOutput(config));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList context = self.forward(store, inputs, training);
        return output.forward(store, new NDList(context.head(), inputs.get(0)), training);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        self.initialize(manager, dataType, inputShapes);
        output.initialize(manager, dataType, inputShapes[0], inputShapes[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
