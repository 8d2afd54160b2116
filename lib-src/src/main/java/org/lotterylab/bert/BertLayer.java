package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import org.lotterylab.nn.NamedSequential;

/**
 * One transformer layer of BERT (post-LayerNorm), laid out as Hugging Face's {@code BertLayer}:
 * {@code attention.self.{query,key,value}}, {@code attention.output.{dense,LayerNorm}},
 * {@code intermediate.dense} (then GELU), {@code output.{dense,LayerNorm}}.
 * Input and output: (hidden [B, T, H], attentionMask [B, T]), so that layers chain in a sequence.
 */
final class BertLayer extends Named {

    private final BertAttention attention;
    private final NamedSequential intermediate;
    private final ResidualOutput output;

    BertLayer(BertConfig config) {
        this.attention = child("attention", new BertAttention(config));
        this.intermediate = child("intermediate",
                new NamedSequential().add("dense", Bert.linear(config.intermediate())).add(Gelu.block()));
        this.output = child("output", new ResidualOutput(config));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray attended = attention.forward(store, inputs, training).head();
        NDList expanded = intermediate.forward(store, new NDList(attended), training);
        NDArray out = output.forward(store, new NDList(expanded.head(), attended), training).head();
        return new NDList(out, inputs.get(1));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        attention.initialize(manager, dataType, inputShapes);
        intermediate.initialize(manager, dataType, inputShapes[0]);
        output.initialize(manager, dataType, intermediate.getOutputShapes(new Shape[] {inputShapes[0]})[0], inputShapes[0]);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inputShapes;
    }
}
