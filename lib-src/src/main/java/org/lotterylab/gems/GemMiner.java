package org.lotterylab.gems;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.cost.CostMeter;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.TieCount;
import org.lotterylab.scores.GlobalTopK;
import org.lotterylab.scores.ScoreInit;
import org.lotterylab.scores.ScoredNet;
import org.lotterylab.scores.SignedConstant;
import org.lotterylab.scores.Threshold;
import org.lotterylab.train.Training;

/**
 * GEM-MINER (Sreenivasan et al. 2022, "Rare Gems"): finds, on frozen random weights, a sparse
 * subnetwork that is accurate before any weight training.
 *
 * <ul>
 *   <li>the weights become signed constants {@code sign(w)·√(2/fan_in)} and stay frozen;</li>
 *   <li>one score {@code s ~ U(0, 1)} per weight; the forward pass keeps {@code 1[s > 0.5]} of the
 *       weights still active, the gradient reaches the scores straight through;</li>
 *   <li>scores are clamped to [0, 1] after every step; the loss adds λ·Σ s², which pushes the
 *       mask towards sparsity;</li>
 *   <li>after every T-th epoch, a global freezing step deactivates for good the lowest-scored
 *       fraction r = 1 − δ^(1/P) of the active weights, so that after the P-th step exactly
 *       {@code round(δ × weights)} remain;</li>
 *   <li>the mask is then the set of active weights (weights rounded off but never frozen come
 *       back, so the density is δ exactly).</li>
 * </ul>
 *
 * <p>Clamped scores tie in bulk at exactly 0 (and 1), so a freezing step or the inversion often has
 * to choose among equal scores: {@link GemMinerConfig#randomTies()} draws them at random for the
 * seed (by position, the first layers would always keep theirs), and {@link Mined} counts the ties
 * of every such selection.
 *
 * <pre>{@code
 * Mined gem = GemMiner.mine(net, train, GemMinerConfig.of(0.05, 20).withFreezeEvery(2));
 * Ticket ticket = new Ticket(gem.mask(), net.weights(), 0);   // the weights are the initial ones
 * }</pre>
 */
public final class GemMiner {

    private GemMiner() {}

    /**
     * Mines a mask of density {@code config.density()}.
     *
     * @param net an initialised net; its prunable weights are replaced by signed constants, which
     *     are its initial weights for fine-tuning afterwards (they never change while mining)
     * @param train the training set
     * @param config the hyper-parameters
     * @return the mask of the active weights, its score inversion, and the cost
     */
    public static Mined mine(Net net, RandomAccessDataset train, GemMinerConfig config) {
        SignedConstant.apply(net);
        ScoredNet scored = ScoredNet.of(net, new Threshold(0.5), ScoreInit.UNIFORM, config.training().seed());
        CostMeter meter = new CostMeter();
        List<TieCount> freezeTies = new ArrayList<>();
        Training.with(config.training())
                .labelled(String.format("GEM-MINER %.2f%%", 100 * config.density()))
                .minimising(scored.objective())
                // λ·Σ s² adds 2λ·s to the scores' gradient: an L2 decay of 2λ.
                .updating(scored.scoreUpdates().configured(training -> training.withWeightDecay(2 * config.lambda())))
                // Freezing ranks the scores as the epoch's last step left them; clamping follows.
                .afterStep(step -> {
                    if (step.endsEpoch()) {
                        freezeAfter(scored, config, step.epoch() + 1).ifPresent(freezeTies::add);
                    }
                }, step -> scored.updateScores(s -> s.clip(0, 1)))
                .listeners(meter)
                .fit(net, train);
        Mask mask = scored.active();
        GlobalTopK inversion = new GlobalTopK(config.density(), config.ties(0));
        return new Mined(mask, scored.inverted(inversion), meter.total(), freezeTies, inversionTies(scored, inversion));
    }

    /** The ties of the inversion: the negated scores of every weight, as {@link ScoredNet#inverted} ranks them. */
    private static TieCount inversionTies(ScoredNet scored, GlobalTopK inversion) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> negated = new LinkedHashMap<>();
            scored.scores().forEach((name, s) -> negated.put(name, scored.rule().importance(s.stopGradient()).neg()));
            return inversion.tieCount(negated);
        }
    }

    /**
     * After epoch {@code done}: the freezing step p = done / T, if done is a multiple of T and p ≤ P.
     *
     * @return the ties of the step's selection, if it froze
     */
    private static Optional<TieCount> freezeAfter(ScoredNet scored, GemMinerConfig config, int done) {
        int step = done / config.freezeEvery();
        if (done % config.freezeEvery() != 0 || step > config.freezes()) {
            return Optional.empty();
        }
        // The density after step p is δ^(p/P); the last step lands on round(δ × weights) exactly.
        double density = step == config.freezes()
                ? config.density()
                : Math.pow(config.density(), (double) step / config.freezes());
        try (Mask active = scored.active(); NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> ranked = new LinkedHashMap<>();
            scored.scores().forEach((name, s) -> ranked.put(name, NDArrays.where(active.get(name).gt(0),
                    // Frozen weights lose every comparison, so they stay frozen.
                    s.stopGradient(), s.getManager().full(s.getShape(), Float.NEGATIVE_INFINITY))));
            GlobalTopK freezing = new GlobalTopK(density, config.ties(step));
            TieCount ties = freezing.tieCount(ranked);
            scored.deactivate(freezing.keep(ranked));
            return Optional.of(ties);
        }
    }
}
