package org.lotterylab.slth.cnn;

import java.util.List;
import org.lotterylab.slth.WeightLayer;

/**
 * The a-priori bound on how far a structured ticket's logits can be from its target's, given the
 * largest subset-sum error. Each effective kernel entry of the ticket is within that error of the
 * target's (for x⁺ and x⁻ alike, and only one of them is non-zero), ReLU and max-pooling are
 * 1-Lipschitz in the max norm, and a layer with kernel K maps max-norm a to at most
 * ‖K‖·a with ‖K‖ = max over outputs of Σ|K[o, i, tap]|. So, layer by layer,
 * δ_l ≤ ‖K_l‖·δ_{l−1} + e·fanIn_l·(A_{l−1} + δ_{l−1}), where A is the target's activation bound.
 */
public final class OutputBound {

    private OutputBound() {}

    /**
     * @param layers the target's layers ({@link ConvTarget#layers})
     * @param kernelError the largest error of any subset sum (max-abs, in kernel-weight units)
     * @param inputMax the largest absolute input value (1 for pixels in [0, 1])
     * @return the bound on the max-abs difference of any logit
     */
    public static double of(List<WeightLayer> layers, double kernelError, double inputMax) {
        double activation = inputMax;
        double error = 0;
        for (WeightLayer layer : layers) {
            double norm = rowNorm(layer);
            int fanIn = layer.inputs() * layer.taps();
            error = norm * error + kernelError * fanIn * (activation + error);
            activation = norm * activation;
        }
        return error;
    }

    private static double rowNorm(WeightLayer layer) {
        double largest = 0;
        for (int o = 0; o < layer.outputs(); o++) {
            double sum = 0;
            for (int i = 0; i < layer.inputs(); i++) {
                for (int t = 0; t < layer.taps(); t++) {
                    sum += Math.abs(layer.weight(o, i, t));
                }
            }
            largest = Math.max(largest, sum);
        }
        return largest;
    }
}
