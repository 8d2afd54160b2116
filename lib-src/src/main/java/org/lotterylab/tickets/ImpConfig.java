package org.lotterylab.tickets;

import java.util.Objects;
import org.lotterylab.prune.Scope;
import org.lotterylab.train.TrainingConfig;

/**
 * The hyper-parameters of iterative magnitude pruning (Frankle &amp; Carbin 2019; Frankle et al.
 * 2020 for rewinding): round 0 trains the dense net, each later round prunes {@code fraction} of
 * the remaining weights by magnitude, rewinds the rest and trains again.
 *
 * @param training how each round trains
 * @param fraction the fraction of remaining weights pruned per round, in (0, 1); 0.2 in the paper
 * @param rounds pruning rounds after the dense round; density after the last is (1 − fraction)^rounds
 * @param scope one global magnitude threshold, or the same fraction in every layer
 * @param lastLayerRate the output layer's pruning rate relative to the other layers, in [0, 1]: 1
 *     ranks it with them, 0.5 prunes it at half the fraction (Frankle &amp; Carbin's LeNet and Conv
 *     nets), 0 never prunes it; see {@link org.lotterylab.prune.Pruner#lastLayerAt(double)}
 * @param rewindIteration the iteration whose weights survivors are reset to: 0 = the initialisation
 *     (the original lottery ticket), k &gt; 0 = late resetting, training then resumes at k
 */
public record ImpConfig(TrainingConfig training, double fraction, int rounds, Scope scope, double lastLayerRate,
        int rewindIteration) {

    /** Validates the configuration, naming the bad value. */
    public ImpConfig {
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(scope, "scope");
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("fraction must lie in (0, 1), got " + fraction + "; 0.2 prunes 20% per round");
        }
        if (!(lastLayerRate >= 0 && lastLayerRate <= 1)) {
            throw new IllegalArgumentException("lastLayerRate must lie in [0, 1], got " + lastLayerRate
                    + "; 1 prunes the output layer like the others, 0.5 at half the rate, 0 never");
        }
        if (rounds < 0) {
            throw new IllegalArgumentException("rounds must be ≥ 0, got " + rounds);
        }
        if (rewindIteration < 0) {
            throw new IllegalArgumentException("rewindIteration must be ≥ 0 (0 = rewind to init), got " + rewindIteration);
        }
    }

    /**
     * @param training how each round trains
     * @return 20% per round, 10 rounds, global scope with the output layer ranked like the others,
     *     rewinding to the initialisation
     */
    public static ImpConfig of(TrainingConfig training) {
        return new ImpConfig(training, 0.2, 10, Scope.GLOBAL, 1, 0);
    }

    /** @param value the fraction of remaining weights pruned per round @return a copy with it */
    public ImpConfig withFraction(double value) {
        return new ImpConfig(training, value, rounds, scope, lastLayerRate, rewindIteration);
    }

    /** @param value the number of pruning rounds @return a copy with it */
    public ImpConfig withRounds(int value) {
        return new ImpConfig(training, fraction, value, scope, lastLayerRate, rewindIteration);
    }

    /** @param value global or layer-wise pruning @return a copy with it */
    public ImpConfig withScope(Scope value) {
        return new ImpConfig(training, fraction, rounds, value, lastLayerRate, rewindIteration);
    }

    /** @param rate the output layer's pruning rate relative to the others, in [0, 1] @return a copy with it */
    public ImpConfig withLastLayerRate(double rate) {
        return new ImpConfig(training, fraction, rounds, scope, rate, rewindIteration);
    }

    /** @param iteration the iteration to rewind to (0 = initialisation) @return a copy with it */
    public ImpConfig rewindingTo(int iteration) {
        return new ImpConfig(training, fraction, rounds, scope, lastLayerRate, iteration);
    }

    /** @param value how each round trains @return a copy with it */
    public ImpConfig withTraining(TrainingConfig value) {
        return new ImpConfig(value, fraction, rounds, scope, lastLayerRate, rewindIteration);
    }
}
