package org.lotterylab.slth.cnn;

/**
 * How many hidden channels of one 1×1 layer of the structured source the ticket keeps, and how
 * many of them can ever output anything.
 *
 * <p>Hidden channel h computes V_h * ReLU(u_h·x_t). When every input x_t is ≥ 0 (pixels, then
 * ReLU and max-pooling, as in {@link ConvTarget}), a channel with u_h &lt; 0 always outputs 0: the
 * subset sum towards −K[:, t] keeps channels that contribute nothing. They are in the mask but not
 * in the function, so the size that counts is that of the live channels.
 *
 * @param layer the 1×1 layer, e.g. "expand2"
 * @param targetLayer the target layer it stands for with the layer after it, e.g. "conv2"
 * @param kept hidden channels kept (each with its u_h and its whole d×d slice V_h)
 * @param live kept channels with u_h &gt; 0: those that can output anything on non-negative inputs
 * @param total hidden channels of the random source: 2n per input channel
 * @param weightsPerChannel the weights a kept channel brings: u_h and its slice V_h (c_out·d² weights)
 */
public record ChannelCount(String layer, String targetLayer, int kept, int live, int total, int weightsPerChannel) {

    /** Returns kept / total. */
    public double fraction() {
        return total == 0 ? 0 : (double) kept / total;
    }

    /** Returns the weights of the live channels: what the ticket really uses on non-negative inputs. */
    public long liveWeights() {
        return (long) live * weightsPerChannel;
    }
}
