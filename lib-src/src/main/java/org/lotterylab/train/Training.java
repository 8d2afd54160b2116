package org.lotterylab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/**
 * Trains a {@link Net} with a DJL {@link Trainer} (softmax cross-entropy loss, accuracy), keeping
 * a {@link Mask}'s pruned weights at exactly zero, and evaluates it on a test set as it goes.
 *
 * <pre>{@code
 * TrainingHistory history = Training.with(config).masked(mask).fit(net, trainSet, testSet);
 * }</pre>
 *
 * <p>Each call of {@code fit} builds a fresh optimizer, so momentum never carries over from one
 * run to the next. The net keeps its trained weights.
 */
public final class Training {

    private final TrainingConfig config;
    private final Optional<Mask> mask;
    private final int startIteration;
    private final String label;
    private final List<TrainingListener> listeners;
    private final List<WeightSnapshot> snapshots;
    private final OptimizerFactory optimizer;
    private final boolean strict;

    private Training(TrainingConfig config, Optional<Mask> mask, int startIteration, String label,
            List<TrainingListener> listeners, List<WeightSnapshot> snapshots, OptimizerFactory optimizer,
            boolean strict) {
        this.config = config;
        this.mask = mask;
        this.startIteration = startIteration;
        this.label = label;
        this.listeners = List.copyOf(listeners);
        this.snapshots = List.copyOf(snapshots);
        this.optimizer = optimizer;
        this.strict = strict;
    }

    /**
     * @param config the hyper-parameters
     * @return a dense training run with these hyper-parameters
     */
    public static Training with(TrainingConfig config) {
        return new Training(config, Optional.empty(), 0, null, List.of(), List.of(), Training::configuredOptimizer,
                strictByDefault());
    }

    /**
     * @param value the weights to keep; the others stay exactly zero throughout training
     * @return this training, masked
     */
    public Training masked(Mask value) {
        return new Training(config, Optional.of(value), startIteration, label, listeners, snapshots, optimizer, strict);
    }

    /**
     * Continues a run rewound to iteration {@code k} (late resetting): trains the remaining
     * iterations with the learning-rate schedule resumed at {@code k}.
     *
     * @param iteration the iteration the weights come from, ≥ 0
     * @return this training, starting there
     */
    public Training startingAt(int iteration) {
        if (iteration < 0) {
            throw new IllegalArgumentException("the start iteration must be ≥ 0, got " + iteration);
        }
        return new Training(config, mask, iteration, label, listeners, snapshots, optimizer, strict);
    }

    /**
     * @param value what the progress bar calls this run (default: the net's name)
     * @return this training, labelled
     */
    public Training labelled(String value) {
        return new Training(config, mask, startIteration, value, listeners, snapshots, optimizer, strict);
    }

    /**
     * @param extra DJL listeners told of every batch and evaluation, after the built-in ones
     * @return this training, with the listeners added
     */
    public Training listeners(TrainingListener... extra) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.addAll(List.of(extra));
        return new Training(config, mask, startIteration, label, all, snapshots, optimizer, strict);
    }

    /**
     * @param snapshot a copy of the weights to take when training reaches its iteration
     * @return this training, taking the copy
     */
    public Training snapshot(WeightSnapshot snapshot) {
        List<WeightSnapshot> all = new ArrayList<>(snapshots);
        all.add(snapshot);
        return new Training(config, mask, startIteration, label, listeners, all, optimizer, strict);
    }

    /**
     * Strict mode checks every parameter after every update, not only the loss of every step
     * (which is always checked). Default: on when the system property {@code lab.strict} or the
     * environment variable {@code LAB_STRICT} is {@code true}; the tests turn it on.
     *
     * @param value whether to check every parameter after every update
     * @return this training, strict or not
     */
    public Training strict(boolean value) {
        return new Training(config, mask, startIteration, label, listeners, snapshots, optimizer, value);
    }

    /**
     * Replaces the optimizer that {@code config.optimizer()} names, e.g. by one that ranks all
     * weights at once (Global Sparse Momentum). The factory is called once per {@code fit}, with
     * the schedule's tracker, so no optimizer state carries over between runs.
     *
     * @param factory builds the optimizer for the net being trained
     * @return this training, with that optimizer
     */
    public Training optimizer(OptimizerFactory factory) {
        return new Training(config, mask, startIteration, label, listeners, snapshots, factory, strict);
    }

    /**
     * Trains the net in place on the device its weights live on.
     *
     * @param net an initialised net
     * @param train the training set; its own batching and order are not used: batches of
     *     {@code config.batchSize()} are drawn in an order fixed by {@code config.seed()} and the epoch
     * @param test the set evaluated at each evaluation point
     * @return the evaluations
     * @throws IllegalArgumentException when the start iteration is not before the end of training
     * @throws TrainingDivergedException at the first step whose loss is not finite or has exploded
     */
    public TrainingHistory fit(Net net, RandomAccessDataset train, Dataset test) {
        int perEpoch = Math.toIntExact((train.size() + config.batchSize() - 1) / config.batchSize());
        int total = config.epochs() * perEpoch;
        if (startIteration >= total) {
            throw new IllegalArgumentException("cannot start at iteration " + startIteration + " of a run of "
                    + total + " iterations (" + config.epochs() + " epochs of " + perEpoch + ")");
        }
        mask.ifPresent(m -> m.validate(net).applyTo(net));
        Collection<Parameter> parameters = net.parameters().values();
        Device device = parameters.iterator().next().getArray().getDevice();
        Tracker rate = config.schedule().tracker((float) config.learningRate(), perEpoch, total);
        EvaluatorTrainingListener evaluations = new EvaluatorTrainingListener();
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                .addEvaluator(new Accuracy())
                .optDevices(new Device[] {device})
                .optOptimizer(optimizer.create(net, config, rate, startIteration))
                .addTrainingListeners(evaluations,
                        new ProgressBar(label == null ? net.name() : label, startIteration, total, perEpoch))
                .addTrainingListeners(listeners.toArray(TrainingListener[]::new));
        // The engine's generator drives dropout and other random layers; the data order is the dataset's.
        net.manager().getEngine().setRandomSeed(Long.hashCode(config.seed()));
        try (Model model = Model.newInstance(net.name(), device)) {
            model.setBlock(net.block());
            try (Trainer trainer = model.newTrainer(djlConfig)) {
                DivergenceGuard guard = new DivergenceGuard(label == null ? net.name() : label, net,
                        config.learningRate(), strict, startIteration == 0 ? perEpoch : 0);
                return new TrainingLoop(trainer, net, mask, config, perEpoch, snapshots, guard)
                        .run(train, test, startIteration, total);
            }
        }
    }

    private static boolean strictByDefault() {
        return Boolean.getBoolean("lab.strict") || Boolean.parseBoolean(System.getenv("LAB_STRICT"));
    }

    /** The default: the optimizer {@code config.optimizer()} names, decaying weights only. */
    static Optimizer configuredOptimizer(Net net, TrainingConfig config, Tracker rate, int beginIteration) {
        float momentum = (float) config.momentum();
        OptimizerKind kind = config.optimizer();
        return new WeightsOnlyDecay(net.parameters().values(),
                kind.create(rate, momentum, (float) config.weightDecay(), beginIteration),
                kind.create(rate, momentum, 0, beginIteration));
    }
}
