package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * LayerNorm over the last axis with PyTorch's parameter names {@code weight} and {@code bias}
 * (DJL's {@link LayerNorm} block calls them gamma and beta). Typed GAMMA and BETA so that weight
 * decay, which only touches WEIGHT parameters, skips them as BERT's recipe does.
 */
final class Norm extends AbstractBlock {

    private final Shape shape;
    private final float eps;
    private final Parameter weight;
    private final Parameter bias;

    Norm(int width, float eps) {
        this.shape = new Shape(width);
        this.eps = eps;
        this.weight = addParameter(Parameter.builder().setName("weight").setType(Parameter.Type.GAMMA).optShape(shape).build());
        this.bias = addParameter(Parameter.builder().setName("bias").setType(Parameter.Type.BETA).optShape(shape).build());
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        return LayerNorm.layerNorm(x, shape, store.getValue(weight, x.getDevice(), training),
                store.getValue(bias, x.getDevice(), training), eps);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }
}
