package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * BERT's input layer: word + position + token-type embeddings, then LayerNorm.
 * Input: (tokenIds, typeIds, attentionMask), int64 [B, T]; output: (hidden [B, T, H],
 * attentionMask), the mask passed on for the attention layers and the pooling.
 */
final class BertEmbeddings extends Named {

    private final int maxPositions;
    private final Table words;
    private final Table positions;
    private final Table types;
    private final Norm norm;

    BertEmbeddings(BertConfig config) {
        this.maxPositions = config.maxPositions();
        this.words = child("word_embeddings", new Table(config.vocabSize(), config.hidden()));
        this.positions = child("position_embeddings", new Table(config.maxPositions(), config.hidden()));
        this.types = child("token_type_embeddings", new Table(config.typeVocabSize(), config.hidden()));
        this.norm = child("LayerNorm", new Norm(config.hidden(), config.layerNormEps()));
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        long length = ids.getShape().get(1);
        if (length > maxPositions) {
            throw new IllegalArgumentException("A sequence of " + length + " tokens is longer than the " + maxPositions
                    + " positions this BERT has; encode with a smaller maxLength");
        }
        NDArray position = ids.getManager().arange(0, length, 1, DataType.INT64).expandDims(0);
        NDArray sum = words.forward(store, new NDList(ids), training).head()
                .add(types.forward(store, new NDList(inputs.get(1)), training).head())
                .add(positions.forward(store, new NDList(position), training).head());
        return new NDList(norm.forward(store, new NDList(sum), training).head(), inputs.get(2));
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape tokens = inputShapes[0];
        words.initialize(manager, dataType, tokens);
        positions.initialize(manager, dataType, tokens);
        types.initialize(manager, dataType, tokens);
        norm.initialize(manager, dataType, words.getOutputShapes(new Shape[] {tokens}));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {words.getOutputShapes(inputShapes)[0], inputShapes[0]};
    }
}
