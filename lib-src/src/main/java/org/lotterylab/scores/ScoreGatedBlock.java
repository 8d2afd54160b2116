package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A DJL block whose convolution and linear layers compute with {@code w ⊙ m(s)}: the wrapped
 * block, run through a {@link GatingStore}. The gates are computed afresh at every forward pass
 * from the current scores, so a score step changes the very next mask.
 *
 * <p>The block is a view: it owns no parameters (the wrapped net owns the weights, the
 * {@link ScoredNet} the scores) and is never initialised itself. Run it inside an
 * {@link ai.djl.ndarray.NDScope} when training, so the gates of each pass are freed with it.
 */
final class ScoreGatedBlock extends AbstractBlock {

    private final Block inner;
    private final Supplier<Map<String, NDArray>> gates;

    /**
     * @param inner the net's block
     * @param gates computes the gate of every gated weight, by parameter id
     */
    ScoreGatedBlock(Block inner, Supplier<Map<String, NDArray>> gates) {
        this.inner = inner;
        this.gates = gates;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
            PairList<String, Object> params) {
        return inner.forward(new GatingStore(store, gates.get()), inputs, training, params);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return inner.getOutputShapes(inputShapes);
    }
}
