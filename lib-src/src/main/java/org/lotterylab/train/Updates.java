package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.lotterylab.nn.Net;

/**
 * Which arrays a training step updates, and with which optimizer: every trainable parameter of
 * the net (the default), other arrays alone (a scored net's scores, its weights frozen), or two
 * updates in alternation (BiP). Built afresh for every run, so that no optimizer state carries
 * over from one run to the next.
 *
 * <pre>{@code
 * Updates.parameters()                                          // the default
 * Updates.arrays("scores", scored.scores())                     // the scores alone
 * Updates.alternating(Updates.parameters(), Updates.arrays("scores", scored.scores())
 *         .configured(c -> c.withOptimizer(c.optimizer(), 0.1).withSchedule(Schedule.constant())))
 * }</pre>
 */
@FunctionalInterface
public interface Updates {

    /**
     * Builds the update of one run.
     *
     * @param net the net being trained, initialised
     * @param config the run's hyper-parameters
     * @param length how many updates of this kind the run makes (its schedule runs over them)
     * @return the update, with fresh optimizer state
     */
    StepUpdate start(Net net, TrainingConfig config, RunLength length);

    /** @return every parameter of the net that learns, with the optimizer the configuration names, decaying weights only */
    static Updates parameters() {
        return parameters(OptimizerFactory.configured());
    }

    /**
     * @param optimizer builds the optimizer, e.g. one that ranks all weights at once (Global Sparse Momentum)
     * @return every parameter of the net that learns, with that optimizer
     */
    static Updates parameters(OptimizerFactory optimizer) {
        return (net, config, length) -> OptimizerUpdate.parameters(net,
                optimizer.create(net, config, length.tracker(config), length.start()));
    }

    /**
     * @param kind what the arrays are, e.g. {@code "scores"}: their names become {@code "scores of fc1.weight"}
     * @param arrays the arrays, by name; they must require gradients
     * @return these arrays alone, with the optimizer the configuration names, every one decayed
     */
    static Updates arrays(String kind, Map<String, NDArray> arrays) {
        return (net, config, length) -> OptimizerUpdate.arrays(kind, arrays, config.optimizer().create(length.tracker(config),
                (float) config.momentum(), (float) config.weightDecay(), length.start()));
    }

    /**
     * BiP's alternation: even steps update as {@code first} does, odd steps as {@code second};
     * each counts (and schedules) only its own updates.
     *
     * @param first the update of steps 0, 2, 4, ...
     * @param second the update of steps 1, 3, 5, ...
     * @return the alternation
     */
    static Updates alternating(Updates first, Updates second) {
        return (net, config, length) -> new Alternation(first.start(net, config, length.every(2, 0)),
                second.start(net, config, length.every(2, 1)));
    }

    /**
     * @param change the hyper-parameters of this update, from the run's (e.g. another learning rate)
     * @return this update, configured so
     */
    default Updates configured(UnaryOperator<TrainingConfig> change) {
        return (net, config, length) -> start(net, change.apply(config), length);
    }

    /**
     * @param transform changes the gradients of the arrays a step updates, before the update
     * @return this update, its gradients transformed first: the transform runs before those added
     *     earlier (a masked training's zeroing of pruned gradients, added last, runs before clipping)
     */
    default Updates transformingGradients(GradientTransform transform) {
        return (net, config, length) -> new TransformedUpdate(start(net, config, length), transform);
    }
}
