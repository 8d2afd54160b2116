package org.lotterylab.nn;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.pooling.Pool;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The model zoo of the lottery-ticket papers, for 28×28 inputs with any number of channels.
 *
 * <p>Every factory returns an uninitialised {@link Net}; call {@code initialize(manager, seed)}.
 * {@link #REGISTRY} maps a name to a factory {@code (inChannels, classes) -> Net}, so that an
 * experiment configuration can name its model:
 *
 * <pre>{@code
 * Net net = Models.create("conv4", 1, 10).initialize(manager, 0);
 * }</pre>
 */
public final class Models {

    /** Factories by name: {@code (inChannels, classes) -> Net}. */
    public static final Map<String, BiFunction<Integer, Integer, Net>> REGISTRY = registry();

    private Models() {}

    private static Map<String, BiFunction<Integer, Integer, Net>> registry() {
        Map<String, BiFunction<Integer, Integer, Net>> models = new LinkedHashMap<>();
        models.put("lenet300100", Models::lenet300100);
        models.put("lenet5", Models::lenet5);
        models.put("conv2", Models::conv2);
        models.put("conv4", Models::conv4);
        models.put("conv6", Models::conv6);
        models.put("vgg", Models::vgg);
        models.put("resnet20", Models::resnet20);
        return Collections.unmodifiableMap(models);
    }

    /**
     * Builds a model by its registry name.
     *
     * @throws IllegalArgumentException if the name is unknown (the message lists the known ones)
     */
    public static Net create(String name, int inChannels, int classes) {
        return create(REGISTRY, name, inChannels, classes);
    }

    /**
     * Builds a model from any registry of the same shape as {@link #REGISTRY} (other packages keep
     * their own variants of these models, e.g. score-gated ones).
     *
     * @param registry factories by name
     * @param name a key of the registry
     * @param inChannels input channels
     * @param classes output classes
     * @return the uninitialised net
     * @throws IllegalArgumentException if the name is unknown (the message lists the known ones)
     */
    public static Net create(Map<String, BiFunction<Integer, Integer, Net>> registry, String name, int inChannels,
            int classes) {
        BiFunction<Integer, Integer, Net> factory = registry.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("Unknown model '" + name + "'; choose one of " + registry.keySet());
        }
        return factory.apply(inChannels, classes);
    }

    /** LeNet-300-100 for 1×28×28 images: fully connected 784-300-100-classes. */
    public static Net lenet300100(int classes) {
        return lenet300100(1, classes);
    }

    /** LeNet-300-100 for inChannels×28×28 images, flattened: fc1 300, fc2 100, fc3 classes. */
    public static Net lenet300100(int inChannels, int classes) {
        return new Net("lenet300100", image(inChannels), classes, k -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc1", Layers.linear(300)).add(Activation.reluBlock())
                .add("fc2", Layers.linear(100)).add(Activation.reluBlock())
                .add("fc3", Layers.linear(k)));
    }

    /**
     * A one-hidden-layer perceptron for small images, e.g. MNIST down-sampled to 14×14: fc1
     * {@code hidden} units, ReLU, fc2 {@code classes}. Small enough for an exact Hessian
     * (196·8 + 8·10 = 1,648 weights at 14×14 with 8 hidden units).
     */
    public static Net mlp(int inChannels, int height, int width, int hidden, int classes) {
        if (inChannels < 1 || height < 1 || width < 1 || hidden < 1) {
            throw new IllegalArgumentException("An MLP needs positive channels, image size and hidden width, got "
                    + inChannels + "×" + height + "×" + width + " and " + hidden);
        }
        return new Net("mlp" + hidden, new Shape(1, inChannels, height, width), classes, k -> new NamedSequential()
                .add(Blocks.batchFlattenBlock())
                .add("fc1", Layers.linear(hidden)).add(Activation.reluBlock())
                .add("fc2", Layers.linear(k)));
    }

    /**
     * LeNet-5 as in the lottery-ticket papers: conv1 20@5×5, max-pool, conv2 50@5×5, max-pool,
     * fc1 800→500, fc2 500→classes.
     */
    public static Net lenet5(int inChannels, int classes) {
        return lenet5(inChannels, classes, LayerForm.PLAIN);
    }

    /** LeNet-5 in the given form (see {@link LayerForm}); the normalised one is named {@code lenet5-bn}. */
    public static Net lenet5(int inChannels, int classes, LayerForm form) {
        boolean bias = form.bias();
        return new Net(form.name("lenet5"), image(inChannels), classes, k -> form.stack()
                .hidden("conv1", Layers.conv(20, 5, 0, bias)).then(Layers.maxPool())
                .hidden("conv2", Layers.conv(50, 5, 0, bias)).then(Layers.maxPool())
                .then(Blocks.batchFlattenBlock())
                .hidden("fc1", Layers.linear(500, bias))
                .output("fc2", Layers.linear(k, bias)));
    }

    /** Conv-2 of Frankle &amp; Carbin: 64, 64, pool, then fully connected 256-256-classes. */
    public static Net conv2(int inChannels, int classes) {
        return conv2(inChannels, classes, LayerForm.PLAIN);
    }

    /** Conv-2 in the given form (see {@link LayerForm}). */
    public static Net conv2(int inChannels, int classes, LayerForm form) {
        return convK("conv2", inChannels, classes, form, 64);
    }

    /** Conv-4 of Frankle &amp; Carbin: 64, 64, pool, 128, 128, pool, then 256-256-classes. */
    public static Net conv4(int inChannels, int classes) {
        return conv4(inChannels, classes, LayerForm.PLAIN);
    }

    /** Conv-4 in the given form (see {@link LayerForm}); the normalised one is named {@code conv4-bn}. */
    public static Net conv4(int inChannels, int classes, LayerForm form) {
        return convK("conv4", inChannels, classes, form, 64, 128);
    }

    /** Conv-6 of Frankle &amp; Carbin: 64, 64, pool, 128, 128, pool, 256, 256, pool, then 256-256-classes. */
    public static Net conv6(int inChannels, int classes) {
        return conv6(inChannels, classes, LayerForm.PLAIN);
    }

    /** Conv-6 in the given form (see {@link LayerForm}). */
    public static Net conv6(int inChannels, int classes, LayerForm form) {
        return convK("conv6", inChannels, classes, form, 64, 128, 256);
    }

    /** Pairs of 3×3 convolutions, each pair followed by max-pooling, then three linear layers. */
    private static Net convK(String name, int inChannels, int classes, LayerForm form, int... widths) {
        boolean bias = form.bias();
        return new Net(form.name(name), image(inChannels), classes, k -> {
            LayerForm.Stack net = form.stack();
            int conv = 0;
            for (int width : widths) {
                net.hidden("conv" + ++conv, Layers.conv(width, 3, 1, bias));
                net.hidden("conv" + ++conv, Layers.conv(width, 3, 1, bias));
                net.then(Layers.maxPool());
            }
            return net.then(Blocks.batchFlattenBlock())
                    .hidden("fc1", Layers.linear(256, bias))
                    .hidden("fc2", Layers.linear(256, bias))
                    .output("fc3", Layers.linear(k, bias));
        });
    }

    /**
     * A small VGG: three stages of two 3×3 convolutions with BatchNorm (32, 64, 128 filters), a
     * max-pool after each stage, global average pooling and one linear layer.
     */
    public static Net vgg(int inChannels, int classes) {
        return new Net("vgg", image(inChannels), classes, k -> {
            NamedSequential net = new NamedSequential();
            int conv = 0;
            for (int width : new int[] {32, 64, 128}) {
                for (int i = 0; i < 2; i++) {
                    conv++;
                    net.add("conv" + conv, Layers.conv(width, 3, 1, false))
                            .add("bn" + conv, Layers.batchNorm())
                            .add(Activation.reluBlock());
                }
                net.add(Layers.maxPool());
            }
            return net.add(Pool.globalAvgPool2dBlock()).add("fc", Layers.linear(k));
        });
    }

    /**
     * ResNet-20 (He et al. 2016, CIFAR-style): a 16-filter 3×3 stem, three stages of three
     * {@link ResidualBlock}s with 16, 32 and 64 filters (stages 2 and 3 start with stride 2),
     * global average pooling and one linear layer.
     */
    public static Net resnet20(int inChannels, int classes) {
        return new Net("resnet20", image(inChannels), classes, k -> {
            NamedSequential net = new NamedSequential()
                    .add("conv", Layers.conv(16, 3, 1, false))
                    .add("bn", Layers.batchNorm())
                    .add(Activation.reluBlock());
            int width = 16;
            int[] widths = {16, 32, 64};
            for (int s = 0; s < widths.length; s++) {
                NamedSequential stage = new NamedSequential();
                for (int b = 0; b < 3; b++) {
                    int stride = s > 0 && b == 0 ? 2 : 1;
                    stage.add("block" + (b + 1), new ResidualBlock(width, widths[s], stride));
                    width = widths[s];
                }
                net.add("stage" + (s + 1), stage);
            }
            return net.add(Pool.globalAvgPool2dBlock()).add("fc", Layers.linear(k));
        });
    }

    private static Shape image(int channels) {
        if (channels < 1) {
            throw new IllegalArgumentException("A model needs at least one input channel, got " + channels);
        }
        return new Shape(1, channels, 28, 28);
    }
}
