package org.lotterylab.slth;

import java.util.SplittableRandom;

/**
 * The source layer standing for a deeper target layer in the L+1 construction: every target
 * input unit arrives as ρ copies that each output ≈ φ(z), so target weight W[o, i, t] is a plain
 * 1-D subset sum of the ρ weights from those copies, drawn from U(−1, 1) — no products, whatever
 * φ is. This is the step that saves a layer per target layer. Biases arrive through the copies of
 * a constant input unit ({@link WeightLayer#withConstantInput}).
 */
final class CopyBlock {

    private final SourceLayer layer;
    private final WeightLayer target;
    private final int rho;
    private final int copies;

    /**
     * @param target the target layer, its biases already moved onto a constant input
     * @param rho copies per input unit in the layer below
     * @param copies source neurons per target output (1 for the output layer)
     * @param last whether this is the output layer (no activation)
     * @param pooled whether pooling follows
     */
    CopyBlock(WeightLayer target, String name, int rho, int copies, boolean last, boolean pooled,
            SplittableRandom random) {
        this.target = target;
        this.rho = rho;
        this.copies = copies;
        this.layer = new SourceLayer(name, target.outputs() * copies, target.inputs() * rho, target.height(),
                target.width(), 1, !last, pooled, random);
    }

    /** Solves every subset sum and returns the pruned layer. */
    SourceLayer build(SolveLog log) {
        log.forTerms(target.terms());
        double[] values = new double[rho];
        for (int o = 0; o < target.outputs(); o++) {
            for (int c = 0; c < copies; c++) {
                int neuron = o * copies + c;
                for (int i = 0; i < target.inputs(); i++) {
                    for (int t = 0; t < target.taps(); t++) {
                        double w = target.weight(o, i, t);
                        if (w == 0) {
                            continue;
                        }
                        for (int k = 0; k < rho; k++) {
                            values[k] = layer.weight(neuron, i * rho + k, t);
                        }
                        int from = i * rho;
                        int tap = t;
                        SolveLog.Redraw redraw = random -> {
                            double[] fresh = new double[rho];
                            for (int k = 0; k < rho; k++) {
                                fresh[k] = layer.redraw(neuron, from + k, tap, random);
                            }
                            return fresh;
                        };
                        for (int k : log.solve(values, w, redraw)) {
                            layer.keep(neuron, i * rho + k, t);
                        }
                    }
                }
            }
        }
        return layer;
    }
}
