package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.util.Pair;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.LongStream;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;

/**
 * Structured filter pruning (Li et al. 2017): removes the filters with the smallest norm from
 * every convolution and returns a physically smaller net, with the next layer's input channels
 * (a convolution, BatchNorm or, after flattening, the matching linear inputs) sliced to match.
 *
 * <pre>{@code
 * Net slim = Prune.filters(Norm.L1).prune(net, 0.5);   // half the filters of every convolution
 * }</pre>
 *
 * <p>The slim net computes what the original computes with the removed filters' weights and
 * biases set to zero, as long as no BatchNorm follows a convolution (BatchNorm would turn the zero
 * channel into a constant; its offset is dropped with the channel). Supported are plain stacks of
 * layers such as LeNet-5, Conv-2/4/6 and the VGG of {@code Models}; ResNets are not, because a
 * residual sum ties the widths of the blocks of a stage together.
 *
 * @param norm how filters are ranked
 */
public record ChannelPruning(Norm norm) {

    /**
     * Returns a smaller copy of {@code net} without {@code round(fraction × filters)} filters of
     * each convolution (at least one filter is kept), on the same manager; {@code net} is left as
     * it is.
     *
     * @throws IllegalArgumentException for a fraction outside [0, 1) or a net that is not a plain stack
     */
    public Net prune(Net net, double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("The fraction of filters to prune must be in [0, 1), got " + fraction);
        }
        if (!(net.block() instanceof SequentialBlock stack)) {
            throw new IllegalArgumentException("Filter pruning needs a plain stack of layers; net '" + net.name()
                    + "' is a " + net.block().getClass().getSimpleName());
        }
        Map<String, Integer> widths = new HashMap<>();
        Map<String, NDArray> weights = new LinkedHashMap<>();
        NDArray kept = null;
        long channels = 0;
        for (Pair<String, Block> layer : stack.getChildren()) {
            String name = layer.getKey();
            Block block = layer.getValue();
            if (block instanceof Conv2d conv && conv.getGroups() == 1) {
                // Norms are taken over the input channels that survive: removed ones carry nothing.
                NDArray weight = sliceInputs(net.parameter(name + ".weight").getArray(), kept);
                channels = weight.getShape().get(0);
                long keep = filtersKept(channels, fraction);
                kept = Ranking.top(norm.ofFilters(weight), keep).nonzero().flatten();
                widths.put(name, Math.toIntExact(keep));
                putSliced(weights, net, name, "weight", weight, kept);
                putSliced(weights, net, name, "bias", null, kept);
            } else if (block instanceof BatchNorm) {
                for (String p : new String[] {"gamma", "beta", "runningMean", "runningVar"}) {
                    putSliced(weights, net, name, p, null, kept);
                }
            } else if (block instanceof Linear) {
                weights.put(name + ".weight", sliceInputs(net.parameter(name + ".weight").getArray(),
                        kept == null ? null : features(kept, channels, net.parameter(name + ".weight").getArray())));
                putSliced(weights, net, name, "bias", null, null);
                kept = null;
            } else if (!isSupported(block)) {
                throw new IllegalArgumentException("Filter pruning supports convolution, BatchNorm, linear and"
                        + " parameter-free layers; layer '" + name + "' of net '" + net.name() + "' is a "
                        + block.getClass().getSimpleName());
            }
        }
        Net slim = new Net(net.name() + "-slim", net.inputShape(), net.classes(),
                classes -> rebuild(stack, widths, net.outputLayer(), classes));
        slim.initialize(net.manager(), net.seed());
        slim.load(weights);
        return slim;
    }

    /**
     * Whether {@link #prune} can slim a net: a plain stack of convolutions, BatchNorm, linear and
     * parameter-free layers (LeNet-5, Conv-2/4/6, the VGG of {@code Models}), not a ResNet.
     *
     * @param net a net
     * @return true when {@code prune(net, fraction)} accepts it
     */
    public static boolean supports(Net net) {
        return net.block() instanceof SequentialBlock stack
                && stack.getChildren().values().stream().allMatch(ChannelPruning::isSupported);
    }

    /**
     * @param filters the filters of a convolution
     * @param fraction the fraction of them to prune, in [0, 1)
     * @return how many {@link #prune} keeps: {@code filters − round(fraction × filters)}, at least one
     */
    public static long filtersKept(long filters, double fraction) {
        return Math.max(1, filters - Math.round(fraction * filters));
    }

    /** A convolution, BatchNorm, linear or parameter-free layer (activation, pooling, flattening). */
    private static boolean isSupported(Block block) {
        return block instanceof Conv2d conv && conv.getGroups() == 1 || block instanceof BatchNorm
                || block instanceof Linear || block.getDirectParameters().isEmpty() && block.getChildren().isEmpty();
    }

    private static void putSliced(Map<String, NDArray> weights, Net net, String layer, String parameter,
            NDArray value, NDArray kept) {
        String name = layer + "." + parameter;
        if (net.parameters().containsKey(name)) {
            NDArray array = value == null ? net.parameter(name).getArray() : value;
            weights.put(name, kept == null ? array : array.get(new NDIndex("{}", kept)));
        }
    }

    /** Keeps the input channels (second axis) listed in {@code kept}; all when it is null. */
    private static NDArray sliceInputs(NDArray weight, NDArray kept) {
        return kept == null ? weight : weight.get(new NDIndex(":, {}", kept));
    }

    /** The flattened input features of kept channels: channel c covers features [c·s, (c+1)·s). */
    private static NDArray features(NDArray kept, long channels, NDArray linearWeight) {
        long size = linearWeight.getShape().get(1) / channels;
        NDManager manager = kept.getManager();
        long[] indices = LongStream.of(kept.toLongArray())
                .flatMap(c -> LongStream.range(c * size, (c + 1) * size))
                .toArray();
        return manager.create(indices);
    }

    private static Block rebuild(SequentialBlock original, Map<String, Integer> widths, String output, int classes) {
        NamedSequential slim = new NamedSequential();
        for (Pair<String, Block> layer : original.getChildren()) {
            String name = layer.getKey();
            Block block = layer.getValue();
            if (block instanceof Conv2d conv) {
                block = Conv2d.builder().setFilters(widths.get(name)).setKernelShape(conv.getKernelShape())
                        .optStride(conv.getStride()).optPadding(conv.getPadding()).optDilation(conv.getDilation())
                        .optBias(conv.isIncludeBias()).build();
            } else if (block instanceof BatchNorm) {
                block = BatchNorm.builder().build();
            } else if (block instanceof Linear) {
                long units = output.equals(name + ".weight")
                        ? classes
                        : block.getParameters().get("weight").getArray().getShape().get(0);
                block = Linear.builder().setUnits(units).optBias(block.getDirectParameters().contains("bias")).build();
            }
            // Parameter-free layers (activations, pooling, flattening) are stateless and shared.
            slim.add(name, block);
        }
        return slim;
    }
}
