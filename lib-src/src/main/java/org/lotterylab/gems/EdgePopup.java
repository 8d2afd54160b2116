package org.lotterylab.gems;

import ai.djl.training.dataset.RandomAccessDataset;
import org.lotterylab.cost.CostMeter;
import org.lotterylab.nn.Net;
import org.lotterylab.scores.LayerTopK;
import org.lotterylab.scores.ScoreInit;
import org.lotterylab.scores.ScoredNet;
import org.lotterylab.scores.SignedConstant;
import org.lotterylab.train.Training;

/**
 * Edge-popup (Ramanujan et al. 2020): on frozen signed-constant weights, learn one score per
 * weight and keep, in every layer, the fraction {@code density} of highest |score|; the gradient
 * reaches the scores straight through the top-k.
 *
 * <pre>{@code
 * Mined popup = EdgePopup.mine(net, train, EdgePopupConfig.of(0.05, 20));
 * }</pre>
 */
public final class EdgePopup {

    private EdgePopup() {}

    /**
     * @param net an initialised net; its prunable weights are replaced by signed constants, which
     *     stay frozen (and are the initial weights for fine-tuning afterwards)
     * @param train the training set
     * @param config the hyper-parameters
     * @return the mask (exactly {@code round(density × size)} weights in every layer), its score
     *     inversion (the lowest scores of every layer) and the cost
     */
    public static Mined mine(Net net, RandomAccessDataset train, EdgePopupConfig config) {
        SignedConstant.apply(net);
        LayerTopK rule = new LayerTopK(config.density());
        ScoredNet scored = ScoredNet.of(net, rule, ScoreInit.KAIMING_UNIFORM, config.training().seed());
        CostMeter meter = new CostMeter();
        Training.with(config.training())
                .labelled(String.format("edge-popup %.2f%%", 100 * config.density()))
                .minimising(scored.objective())
                .updating(scored.scoreUpdates())
                .listeners(meter)
                .fit(net, train);
        return new Mined(scored.mask(), scored.inverted(rule), meter.total());
    }
}
