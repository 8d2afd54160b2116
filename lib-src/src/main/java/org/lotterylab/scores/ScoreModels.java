package org.lotterylab.scores;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.pooling.Pool;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;

/**
 * The models of {@link Models} in the form the mask-search papers use them: no biases and
 * BatchNorm without affine parameters after every hidden layer (GEM-MINER and edge-popup). The
 * prunable weights have the names and shapes of their {@link Models} counterparts
 * ({@code conv1.weight} … {@code fc2.weight}); the normalisation layers are {@code bn1}, {@code bn2}, ….
 *
 * <p>Why the normalisation: the weights of a mask search are frozen, so nothing else can restore
 * the scale of a layer's output when the mask keeps 1% of its inputs; without it the logits of a
 * very sparse net shrink towards zero and the loss's gradient vanishes. Every method compared on
 * such a model (baselines included) uses the same architecture.
 *
 * <pre>{@code
 * Net net = ScoreModels.create("lenet5", 1, 10).initialize(manager, 0);
 * }</pre>
 */
public final class ScoreModels {

    /** Factories by name: {@code (inChannels, classes) -> Net}. */
    public static final Map<String, BiFunction<Integer, Integer, Net>> REGISTRY = registry();

    private ScoreModels() {}

    private static Map<String, BiFunction<Integer, Integer, Net>> registry() {
        Map<String, BiFunction<Integer, Integer, Net>> models = new LinkedHashMap<>();
        models.put("lenet5", ScoreModels::lenet5);
        models.put("conv4", ScoreModels::conv4);
        models.put("resnet20", ScoreModels::resnet20);
        return Collections.unmodifiableMap(models);
    }

    /**
     * @param name a key of {@link #REGISTRY}
     * @param inChannels input channels
     * @param classes output classes
     * @return the uninitialised net
     * @throws IllegalArgumentException naming the known models for an unknown name
     */
    public static Net create(String name, int inChannels, int classes) {
        BiFunction<Integer, Integer, Net> factory = REGISTRY.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown model '" + name + "'; choose one of " + REGISTRY.keySet());
        }
        return factory.apply(inChannels, classes);
    }

    /** LeNet-5: conv1 20@5×5, bn1, pool, conv2 50@5×5, bn2, pool, fc1 500, bn3, fc2. */
    public static Net lenet5(int inChannels, int classes) {
        return new Net("lenet5-bn", image(inChannels), classes, k -> new NamedSequential()
                .add("conv1", conv(20, 5, 0)).add("bn1", norm()).add(Activation.reluBlock()).add(maxPool())
                .add("conv2", conv(50, 5, 0)).add("bn2", norm()).add(Activation.reluBlock()).add(maxPool())
                .add(Blocks.batchFlattenBlock())
                .add("fc1", linear(500)).add("bn3", norm()).add(Activation.reluBlock())
                .add("fc2", linear(k)));
    }

    /** Conv-4: 64, 64, pool, 128, 128, pool, fc1 256, fc2 256, fc3; a bn after every hidden layer. */
    public static Net conv4(int inChannels, int classes) {
        return new Net("conv4-bn", image(inChannels), classes, k -> {
            NamedSequential net = new NamedSequential();
            int layer = 0;
            for (int width : new int[] {64, 128}) {
                for (int i = 0; i < 2; i++) {
                    layer++;
                    net.add("conv" + layer, conv(width, 3, 1)).add("bn" + layer, norm()).add(Activation.reluBlock());
                }
                net.add(maxPool());
            }
            net.add(Blocks.batchFlattenBlock());
            for (int fc = 1; fc <= 2; fc++) {
                net.add("fc" + fc, linear(256)).add("bn" + (layer + fc), norm()).add(Activation.reluBlock());
            }
            return net.add("fc3", linear(k));
        });
    }

    /**
     * ResNet-20 of {@link Models#resnet20}: it already normalises every convolution. Its BatchNorm
     * is affine; a mask search leaves the affine parameters at their initial 1 and 0, which is
     * BatchNorm without affine parameters.
     */
    public static Net resnet20(int inChannels, int classes) {
        return Models.resnet20(inChannels, classes);
    }

    private static Conv2d conv(int filters, int kernel, int padding) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(kernel, kernel))
                .optPadding(new Shape(padding, padding)).optBias(false).build();
    }

    private static Linear linear(long units) {
        return Linear.builder().setUnits(units).optBias(false).build();
    }

    private static BatchNorm norm() {
        return BatchNorm.builder().optCenter(false).optScale(false).build();
    }

    private static Block maxPool() {
        return Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2));
    }

    private static Shape image(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("A model needs at least one input channel, got " + channels);
        }
        return new Shape(1, channels, 28, 28);
    }
}
