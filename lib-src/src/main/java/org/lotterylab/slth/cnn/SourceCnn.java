package org.lotterylab.slth.cnn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;

/**
 * Turns the pruned {@link ChannelStage}s into nets, in two forms with the same outputs.
 *
 * <ul>
 *   <li>The <b>source</b>: the whole random 2ℓ-layer CNN, the pruning a
 *       {@link org.lotterylab.prune.Mask} over whole channels.
 *   <li>The <b>compact</b> net: only the kept channels, physically — what structured pruning buys.
 * </ul>
 *
 * Both have layers expand1, conv1, expand2, conv2, ..., expandℓ, fc; the 1×1 layers are grouped
 * convolutions, one group per input channel (block-diagonal by construction).
 *
 * The output layer of the target reads the flattened features as 1×1 channels: the source
 * reshapes them to (N, features, 1, 1), and its logits come out flattened to (N, classes).
 */
final class SourceCnn {

    private SourceCnn() {}

    /** The source net with its random weights loaded, on a manager of its own under {@code manager}. */
    static Net source(ConvTarget target, List<ChannelStage> stages, NDManager manager) {
        Net net = net(target, stages.stream().map(ChannelStage::hidden).toList(), manager);
        Map<String, NDArray> weights = new LinkedHashMap<>();
        for (int s = 0; s < stages.size(); s++) {
            ChannelStage stage = stages.get(s);
            weights.put(expand(s), net.manager().create(stage.scalars, new Shape(stage.hidden(), 1, 1, 1)));
            weights.put(read(target, s), net.manager().create(stage.kernels, kernelShape(stage, stage.hidden())));
        }
        net.load(weights);
        weights.values().forEach(NDArray::close);
        return net;
    }

    /** The 0/1 tensors of the source's mask: a hidden channel's u_h and its whole slice V_h together. */
    static Map<String, NDArray> keep(ConvTarget target, List<ChannelStage> stages, NDManager manager) {
        Map<String, NDArray> keep = new LinkedHashMap<>();
        for (int s = 0; s < stages.size(); s++) {
            ChannelStage stage = stages.get(s);
            float[] channels = new float[stage.hidden()];
            float[] slices = new float[stage.kernels.length];
            for (int h = 0; h < stage.hidden(); h++) {
                channels[h] = stage.kept[h] ? 1 : 0;
                for (int o = 0; o < stage.outputs; o++) {
                    int from = (o * stage.hidden() + h) * stage.taps;
                    Arrays.fill(slices, from, from + stage.taps, channels[h]);
                }
            }
            keep.put(expand(s), manager.create(channels, new Shape(stage.hidden(), 1, 1, 1)));
            keep.put(read(target, s), manager.create(slices, kernelShape(stage, stage.hidden())));
        }
        return keep;
    }

    /**
     * The kept channels alone, on a manager of its own under {@code manager}. Kept blocks differ in
     * size while a grouped convolution needs equal groups, so every block is padded to the largest
     * with channels whose weights are zero: they change no output.
     */
    static Net compact(ConvTarget target, List<ChannelStage> stages, NDManager manager) {
        List<int[][]> blocks = stages.stream().map(SourceCnn::keptPerInput).toList();
        List<Integer> widths = blocks.stream().map(b -> Arrays.stream(b).mapToInt(k -> k.length).max().orElse(0)).toList();
        for (int s = 0; s < stages.size(); s++) {
            if (widths.get(s) == 0) {
                throw new IllegalStateException(expandLayer(s) + " kept no channel: is the target layer all zero?");
            }
        }
        Net net = net(target, IntStream.range(0, stages.size()).map(s -> stages.get(s).inputs * widths.get(s)).boxed().toList(),
                manager);
        Map<String, NDArray> weights = new LinkedHashMap<>();
        for (int s = 0; s < stages.size(); s++) {
            ChannelStage stage = stages.get(s);
            int width = widths.get(s);
            int hidden = stage.inputs * width;
            float[] scalars = new float[hidden];
            float[] kernels = new float[stage.outputs * hidden * stage.taps];
            for (int t = 0; t < stage.inputs; t++) {
                int[] kept = blocks.get(s)[t];
                for (int j = 0; j < kept.length; j++) {
                    int h = t * width + j;
                    scalars[h] = stage.scalars[kept[j]];
                    for (int o = 0; o < stage.outputs; o++) {
                        System.arraycopy(stage.kernels, (o * stage.hidden() + kept[j]) * stage.taps, kernels,
                                (o * hidden + h) * stage.taps, stage.taps);
                    }
                }
            }
            weights.put(expand(s), net.manager().create(scalars, new Shape(hidden, 1, 1, 1)));
            weights.put(read(target, s), net.manager().create(kernels, kernelShape(stage, hidden)));
        }
        net.load(weights);
        weights.values().forEach(NDArray::close);
        return net;
    }

    /** The kept hidden channels of each input channel's block. */
    private static int[][] keptPerInput(ChannelStage stage) {
        return IntStream.range(0, stage.inputs).mapToObj(t -> IntStream.range(t * stage.perInput, (t + 1) * stage.perInput)
                .filter(h -> stage.kept[h]).toArray()).toArray(int[][]::new);
    }

    private static Shape kernelShape(ChannelStage stage, int hidden) {
        int side = (int) Math.round(Math.sqrt(stage.taps));
        return new Shape(stage.outputs, hidden, side, side);
    }

    /** The 1×1 layer of stage s, e.g. expand1. */
    static String expandLayer(int stage) {
        return "expand" + (stage + 1);
    }

    /** The d×d layer that reads the hidden channels of stage s: conv(s+1), or fc for the last; named as in the target. */
    static String readLayer(ConvTarget target, int stage) {
        return stage < target.channels().size() ? "conv" + (stage + 1) : "fc";
    }

    private static String expand(int stage) {
        return expandLayer(stage) + ".weight";
    }

    private static String read(ConvTarget target, int stage) {
        return readLayer(target, stage) + ".weight";
    }

    private static Net net(ConvTarget target, List<Integer> hidden, NDManager manager) {
        Shape image = target.image();
        Shape features = target.features();
        Net net = new Net("structured", new Shape(1, image.get(0), image.get(1),
                image.get(2)), target.classes(), classes -> {
                    NamedSequential block = new NamedSequential();
                    long inputs = image.get(0);
                    for (int s = 0; s < target.channels().size(); s++) {
                        block.add(expandLayer(s), oneByOne(hidden.get(s), (int) inputs));
                        block.add(Activation.reluBlock());
                        block.add(readLayer(target, s), Conv2d.builder().setFilters(target.channels().get(s))
                                .setKernelShape(new Shape(target.kernel(), target.kernel())).optBias(false).build());
                        block.add(Activation.reluBlock());
                        block.add(Pool.maxPool2dBlock(new Shape(2, 2), new Shape(2, 2)));
                        inputs = target.channels().get(s);
                    }
                    int last = target.channels().size();
                    block.add(new LambdaBlock(x -> new NDList(x.singletonOrThrow().reshape(-1, features.size(), 1, 1))));
                    block.add(expandLayer(last), oneByOne(hidden.get(last), (int) features.size()));
                    block.add(Activation.reluBlock());
                    block.add(readLayer(target, last), oneByOne(classes, 1));
                    return block.add(Blocks.batchFlattenBlock());
                });
        return net.initialize(manager.newSubManager(), 0);
    }

    private static Conv2d oneByOne(int filters, int groups) {
        return Conv2d.builder().setFilters(filters).setKernelShape(new Shape(1, 1)).optGroups(groups).optBias(false).build();
    }
}
