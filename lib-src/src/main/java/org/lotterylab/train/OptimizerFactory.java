package org.lotterylab.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import org.lotterylab.nn.Net;

/**
 * Builds the DJL {@link Optimizer} of one training run ({@link Training#optimizer}).
 *
 * <p>A factory rather than an optimizer because a run's optimizer needs what only {@code fit}
 * knows (the learning-rate tracker, which depends on the number of batches per epoch, and the
 * iteration to start at), and because each run must start with fresh state. The net is passed so
 * that an optimizer can look at all of its weights at once, as Global Sparse Momentum does.
 */
@FunctionalInterface
public interface OptimizerFactory {

    /**
     * @param net the net being trained, initialised
     * @param config the run's hyper-parameters (momentum, weight decay, ...)
     * @param learningRate the learning-rate schedule of the run
     * @param beginIteration the update count to start from, so a schedule resumes where a rewound run left it
     * @return a fresh optimizer
     */
    Optimizer create(Net net, TrainingConfig config, Tracker learningRate, int beginIteration);

    /**
     * The factory {@link Training} uses unless told otherwise: the optimizer {@code config.optimizer()}
     * names, decaying weights only (never biases nor normalisation parameters); public so that
     * another factory can build on it.
     *
     * @return that factory
     */
    static OptimizerFactory configured() {
        return Training::configuredOptimizer;
    }
}
