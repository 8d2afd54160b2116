package org.lotterylab.slth.cnn;

import ai.djl.ndarray.NDArray;
import java.util.List;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.slth.Constructed;

/**
 * A structured strong lottery ticket of a CNN: the pruned random source as an ordinary net and
 * mask, and the same function as a physically smaller net of the kept channels only.
 *
 * @param ticket the source net (mask applied), its channel mask and the construction's statistics
 * @param compact the kept channels as a dense net: the same outputs as {@code ticket.net()}, far cheaper to run
 * @param channels the hidden channels kept in each 1×1 layer
 */
public record StructuredTicket(Constructed ticket, Net compact, List<ChannelCount> channels) implements AutoCloseable {

    /** Copies the channel counts. */
    public StructuredTicket {
        channels = List.copyOf(channels);
    }

    /**
     * Returns the number of weights of the compact net: the source's kept weights plus the zero
     * channels that pad every block of a layer to the largest.
     */
    public long compactWeights() {
        return compact.prunableParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    /**
     * Returns the weights of the live channels ({@link ChannelCount#live}): on non-negative inputs the
     * ticket computes the same function with only these, so this, not the mask's kept count, is its size.
     */
    public long liveWeights() {
        return channels.stream().mapToLong(ChannelCount::liveWeights).sum();
    }

    /**
     * Checks the mask: in every pair of layers a hidden channel's 1×1 weight u_h and its whole slice
     * V_h (every output, every tap of the d×d layer) are kept or removed together.
     */
    public boolean removesWholeChannelsOnly() {
        Mask mask = ticket.mask();
        return channels.stream().allMatch(count -> {
            NDArray slices = mask.get(count.targetLayer() + ".weight");
            try (NDArray channel = mask.get(count.layer() + ".weight").reshape(1, -1, 1, 1);
                    NDArray expanded = channel.broadcast(slices.getShape());
                    NDArray same = slices.eq(expanded);
                    NDArray all = same.all()) {
                return all.getBoolean();
            }
        });
    }

    /** Frees both nets and the mask. */
    @Override
    public void close() {
        ticket.close();
        compact.manager().close();
    }
}
