package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.dataset.Batch;
import ai.djl.translate.Batchifier;
import org.ejml.data.DMatrixRMaj;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;

/** Nets and data small enough to know their Hessians exactly. */
final class TinyProblems {

    static final int FEATURES = 4;
    static final int CLASSES = 3;
    static final int HIDDEN = 5;

    private TinyProblems() {}

    /** Softmax regression on 1×2×2 inputs: the one weight matrix W (3×4) and a bias. */
    static Net linear() {
        return new Net("tiny-linear", new Shape(1, 1, 2, 2), CLASSES, k -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(k).build()));
    }

    /** fc1 5, tanh, fc2 3 on 1×2×2 inputs: a smooth loss with cross-layer curvature. */
    static Net tanhMlp() {
        return new Net("tiny-tanh", new Shape(1, 1, 2, 2), CLASSES, k -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc1", Linear.builder().setUnits(HIDDEN).build()).add(Activation.tanhBlock())
                .add("fc2", Linear.builder().setUnits(k).build()));
    }

    /** conv 4@3×3, ReLU, 2×2 max-pool, fc 3 on 1×6×6 inputs: the building blocks of LeNet-5. */
    static Net convReluPool() {
        return new Net("tiny-conv", new Shape(1, 1, 6, 6), CLASSES, k -> new NamedSequential()
                .add("conv", Conv2d.builder().setFilters(4).setKernelShape(new Shape(3, 3)).build())
                .add(Activation.reluBlock()).add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)))
                .add(Blocks.batchFlattenBlock())
                .add("fc", Linear.builder().setUnits(k).build()));
    }

    /** One batch of {@code n} Gaussian inputs for {@code net} with labels 0..2, from a seed. */
    static Batch batch(NDManager manager, Net net, int n, long seed) {
        manager.getEngine().setRandomSeed((int) seed);
        NDArray data = manager.randomNormal(new Shape(n).addAll(net.inputShape().slice(1)));
        NDArray labels = manager.randomInteger(0, CLASSES, new Shape(n), DataType.INT64);
        return new Batch(manager, new NDList(data), new NDList(labels), n, Batchifier.STACK, Batchifier.STACK, 0, 1);
    }

    /** Row-major double copy of a float array. */
    static double[] doubles(NDArray array) {
        float[] values = array.toFloatArray();
        double[] result = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            result[i] = values[i];
        }
        return result;
    }

    /** ‖a − b‖_F / ‖b‖_F. */
    static double relativeError(DMatrixRMaj a, DMatrixRMaj b) {
        double difference = 0;
        double norm = 0;
        for (int i = 0; i < b.data.length; i++) {
            difference += (a.data[i] - b.data[i]) * (a.data[i] - b.data[i]);
            norm += b.data[i] * b.data[i];
        }
        return Math.sqrt(difference / norm);
    }
}
