package org.lotterylab.slth.cnn;

/**
 * How many hidden channels of one 1×1 layer of the structured source the ticket keeps.
 *
 * @param layer the 1×1 layer, e.g. "expand2"
 * @param targetLayer the target layer it stands for with the layer after it, e.g. "conv2"
 * @param kept hidden channels kept (each with its u_h and its whole d×d slice V_h)
 * @param total hidden channels of the random source: 2n per input channel
 */
public record ChannelCount(String layer, String targetLayer, int kept, int total) {

    /** Returns kept / total. */
    public double fraction() {
        return total == 0 ? 0 : (double) kept / total;
    }
}
