package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Multi-head scaled dot-product self-attention with Hugging Face's {@code query}, {@code key}
 * and {@code value} projections. Input: (hidden [B, T, H], attentionMask int64 [B, T]); output:
 * (context [B, T, H]). Padding positions (mask 0) get no attention from any token.
 */
final class SelfAttention extends Named {

    private final int heads;
    private final int headSize;
    private final Linear query;
    private final Linear key;
    private final Linear value;

    SelfAttention(BertConfig config) {
        this.heads = config.heads();
        this.headSize = config.headSize();
        this.query = child("query", Bert.linear(config.hidden()));
        this.key = child("key", Bert.linear(config.hidden()));
        this.value = child("value", Bert.linear(config.hidden()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDList hidden = new NDList(inputs.get(0));
        NDArray q = split(query.forward(store, hidden, training).head());
        NDArray k = split(key.forward(store, hidden, training).head());
        NDArray v = split(value.forward(store, hidden, training).head());
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(Math.sqrt(headSize)).add(maskBias(inputs.get(1)));
        NDArray context = softmax(scores).matMul(v).transpose(0, 2, 1, 3);
        Shape shape = inputs.get(0).getShape();
        return new NDList(context.reshape(shape));
    }

    /**
     * Softmax over the last axis, written out as exp(s − max) / Σ exp(s − max) rather than PyTorch's
     * fused kernel. Why: training the tiny BERT with the fused kernel (PyTorch 2.7.1, AMD EPYC with
     * AVX-512) gave the attention scores' gradient a NaN in about one run in eight, at a random step
     * of an otherwise bit-reproducible run, while the loss stayed finite; replaying the same weights
     * and batch never did, and the written-out form gave no NaN in 32 runs. Same values to float32
     * rounding; the maximum is a constant of the gradient (the result does not depend on it).
     */
    static NDArray softmax(NDArray scores) {
        NDArray shifted = scores.sub(scores.max(new int[] {-1}, true).stopGradient());
        NDArray exponentials = shifted.exp();
        return exponentials.div(exponentials.sum(new int[] {-1}, true));
    }

    /** [B, T, H] → [B, heads, T, headSize]. */
    private NDArray split(NDArray x) {
        Shape shape = x.getShape();
        return x.reshape(shape.get(0), shape.get(1), heads, headSize).transpose(0, 2, 1, 3);
    }

    /**
     * 0 where a key may be attended to, the lowest float where it is padding, shaped [B, 1, 1, T]
     * to broadcast over heads and queries. The lowest float (not −∞) keeps a row of padding
     * finite, as Hugging Face does.
     */
    private static NDArray maskBias(NDArray mask) {
        return mask.toType(DataType.FLOAT32, false).neg().add(1).mul(-Float.MAX_VALUE).expandDims(1).expandDims(1);
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        for (Linear projection : new Linear[] {query, key, value}) {
            projection.initialize(manager, dataType, inputShapes[0]);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
