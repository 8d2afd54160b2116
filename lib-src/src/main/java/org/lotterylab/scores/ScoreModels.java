package org.lotterylab.scores;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.lotterylab.nn.LayerForm;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

/**
 * The models of {@link Models} in the form the mask-search papers use them (GEM-MINER, edge-popup,
 * BiP): {@link LayerForm#NORMALISED}, no biases and BatchNorm without affine parameters after every
 * hidden layer. The prunable weights have the names and shapes of their plain counterparts
 * ({@code conv1.weight} … {@code fc2.weight}); the normalisation layers are {@code bn1}, {@code bn2}, ….
 * Every method compared on such a model (baselines included) uses the same architecture.
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
        return Models.create(REGISTRY, name, inChannels, classes);
    }

    /** LeNet-5: conv1 20@5×5, bn1, pool, conv2 50@5×5, bn2, pool, fc1 500, bn3, fc2. */
    public static Net lenet5(int inChannels, int classes) {
        return Models.lenet5(inChannels, classes, LayerForm.NORMALISED);
    }

    /** Conv-4: 64, 64, pool, 128, 128, pool, fc1 256, fc2 256, fc3; a bn after every hidden layer. */
    public static Net conv4(int inChannels, int classes) {
        return Models.conv4(inChannels, classes, LayerForm.NORMALISED);
    }

    /**
     * ResNet-20 of {@link Models#resnet20}: it already normalises every convolution. Its BatchNorm
     * is affine; a mask search leaves the affine parameters at their initial 1 and 0, which is
     * BatchNorm without affine parameters.
     */
    public static Net resnet20(int inChannels, int classes) {
        return Models.resnet20(inChannels, classes);
    }
}
