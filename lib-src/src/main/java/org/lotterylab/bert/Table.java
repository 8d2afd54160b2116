package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * An embedding table whose parameter is called {@code weight}, as in PyTorch's
 * {@code nn.Embedding}: DJL's {@link Embedding} block calls it {@code embedding}, which would
 * break the Hugging Face names ({@code embeddings.word_embeddings.weight}) the import relies on.
 * Input: int64 ids of any shape; output: their rows, shape {@code ids.shape + (width)}.
 */
final class Table extends AbstractBlock {

    private final Shape shape;
    private final Parameter weight;

    Table(int rows, int width) {
        this.shape = new Shape(rows, width);
        this.weight = addParameter(Parameter.builder()
                .setName("weight").setType(Parameter.Type.WEIGHT).optShape(shape).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.singletonOrThrow();
        return Embedding.embedding(ids, store.getValue(weight, ids.getDevice(), training), SparseFormat.DENSE);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0].add(shape.get(1))};
    }
}
