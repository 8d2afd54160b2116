package org.lotterylab.train;

import ai.djl.Device;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.listener.EvaluatorTrainingListener;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/**
 * Trains a {@link Net} with a DJL {@link Trainer}, the library's one training loop: by default
 * softmax cross-entropy with accuracy, every parameter updated by the configured optimizer,
 * evaluated on held-out data as it goes: a validation set to select on ({@link #selectingOn}) and
 * the test set. Every method plugs into it with hooks rather than a loop of
 * its own:
 *
 * <ul>
 *   <li>{@link #minimising(Objective)}: what a step minimises (a scored net's gated forward pass,
 *       the masked-language-model loss);</li>
 *   <li>{@link #updating(Updates)}: which arrays a step updates, with which optimizer (the scores
 *       alone, weights and scores in alternation), and their {@link GradientTransform}s (clipping,
 *       BiP's implicit gradient);</li>
 *   <li>{@link #masked(Mask)} and {@link #afterStep(AfterStep...)}: what follows every update
 *       (re-applying the mask, clamping scores, freezing);</li>
 *   <li>{@link #listeners(TrainingListener...)}: DJL listeners for cost ({@code CostMeter}) and metrics,
 *       beside the built-in {@link ProgressBar}.</li>
 * </ul>
 *
 * <pre>{@code
 * TrainingHistory history = Training.with(config).masked(mask).selectingOn(validationSet).fit(net, trainSet, testSet);
 * }</pre>
 *
 * <p>Every run checks each step's loss and stops at the first that is not finite or has exploded
 * ({@link TrainingDivergedException}). Each call of {@code fit} builds a fresh optimizer, so
 * momentum never carries over from one run to the next. The net keeps its trained weights.
 */
public final class Training {

    private final TrainingConfig config;
    private Optional<Mask> mask = Optional.empty();
    private Optional<Dataset> validation = Optional.empty();
    private int startIteration;
    private String label;
    private List<TrainingListener> listeners = List.of();
    private List<WeightSnapshot> snapshots = List.of();
    private Objective objective = Objective.classification();
    private Updates updates = Updates.parameters();
    private List<AfterStep> afterSteps = List.of();
    private StepTimes times;
    private boolean strict = Boolean.getBoolean("lab.strict") || Boolean.parseBoolean(System.getenv("LAB_STRICT"));

    private Training(TrainingConfig config) {
        this.config = config;
    }

    /**
     * @param config the hyper-parameters
     * @return a dense training run with these hyper-parameters
     */
    public static Training with(TrainingConfig config) {
        return new Training(config);
    }

    /** @return a copy to change: a {@code Training} never changes once made */
    private Training copy() {
        Training copy = new Training(config);
        copy.mask = mask;
        copy.validation = validation;
        copy.startIteration = startIteration;
        copy.label = label;
        copy.listeners = listeners;
        copy.snapshots = snapshots;
        copy.objective = objective;
        copy.updates = updates;
        copy.afterSteps = afterSteps;
        copy.strict = strict;
        copy.times = times;
        return copy;
    }

    /**
     * @param value the weights to keep; the others stay exactly zero throughout training
     * @return this training, masked
     */
    public Training masked(Mask value) {
        Training copy = copy();
        copy.mask = Optional.of(value);
        return copy;
    }

    /**
     * Measures a validation set at every evaluation point and picks the run's best evaluation (its
     * early-stopping iteration) on it. The test set decides nothing: it is measured once training is
     * over, at the best evaluation (with the weights it had, kept for that) and at the last one, the
     * two a history reports ({@link TrainingHistory#bestAccuracy()}, {@link TrainingHistory#finalAccuracy()});
     * elsewhere its metrics are NaN. Carve the set from the training data with
     * {@code ImageData.validationSplit}.
     *
     * @param value the validation set
     * @return this training, selecting on it
     */
    public Training selectingOn(Dataset value) {
        Training copy = copy();
        copy.validation = Optional.of(value);
        return copy;
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
        Training copy = copy();
        copy.startIteration = iteration;
        return copy;
    }

    /**
     * @param value what the progress bar calls this run (default: the net's name)
     * @return this training, labelled
     */
    public Training labelled(String value) {
        Training copy = copy();
        copy.label = value;
        return copy;
    }

    /**
     * @param value the clock that records where each step's time goes (one per run)
     * @return this training, timed phase by phase
     */
    public Training timedBy(StepTimes value) {
        Training copy = copy();
        copy.times = value;
        return copy;
    }

    /**
     * @param extra DJL listeners told of every batch and evaluation, after the built-in ones
     * @return this training, with the listeners added
     */
    public Training listeners(TrainingListener... extra) {
        Training copy = copy();
        copy.listeners = concat(listeners, extra);
        return copy;
    }

    /**
     * @param snapshot a copy of the weights to take when training reaches its iteration
     * @return this training, taking the copy
     */
    public Training snapshot(WeightSnapshot snapshot) {
        Training copy = copy();
        copy.snapshots = concat(snapshots, snapshot);
        return copy;
    }

    /**
     * Strict mode checks every parameter (and score) after every update, not only the loss of every
     * step (which is always checked). Default: on when the system property {@code lab.strict} or the
     * environment variable {@code LAB_STRICT} is {@code true}; the tests turn it on.
     *
     * @param value whether to check every parameter after every update
     * @return this training, strict or not
     */
    public Training strict(boolean value) {
        Training copy = copy();
        copy.strict = value;
        return copy;
    }

    /**
     * Replaces the optimizer that {@code config.optimizer()} names, e.g. by one that ranks all
     * weights at once (Global Sparse Momentum): short for {@code updating(Updates.parameters(factory))}.
     * The factory is called once per {@code fit}, with the schedule's tracker, so no optimizer state
     * carries over between runs.
     *
     * @param factory builds the optimizer for the net being trained
     * @return this training, with that optimizer
     */
    public Training optimizer(OptimizerFactory factory) {
        return updating(Updates.parameters(factory));
    }

    /**
     * @param value which arrays a step updates and how (default {@link Updates#parameters()})
     * @return this training, updating so
     */
    public Training updating(Updates value) {
        Training copy = copy();
        copy.updates = value;
        return copy;
    }

    /**
     * @param value what a step minimises (default {@link Objective#classification()})
     * @return this training, minimising it
     */
    public Training minimising(Objective value) {
        Training copy = copy();
        copy.objective = value;
        return copy;
    }

    /**
     * @param hooks run after every update, in this order (after re-applying the mask, if any)
     * @return this training, with the hooks added
     */
    public Training afterStep(AfterStep... hooks) {
        Training copy = copy();
        copy.afterSteps = concat(afterSteps, hooks);
        return copy;
    }

    /**
     * Trains the net in place on the device its weights live on.
     *
     * @param net an initialised net
     * @param train the training set; its own batching and order are not used: batches of
     *     {@code config.batchSize()} are drawn in an order fixed by {@code config.seed()} and the epoch
     * @param test the test set, measured at each evaluation point (and selected on when the training has no validation set)
     * @return the evaluations
     * @throws IllegalArgumentException when the start iteration is not before the end of training
     * @throws TrainingDivergedException at the first step whose loss is not finite or has exploded
     */
    public TrainingHistory fit(Net net, RandomAccessDataset train, Dataset test) {
        return fit(net, train, Optional.of(test));
    }

    /**
     * Trains the net in place without a test set (a mask search, pre-training): the evaluation
     * points record the training metrics only, their test metrics are NaN.
     *
     * @param net an initialised net
     * @param train the training set, drawn as {@link #fit(Net, RandomAccessDataset, Dataset)} draws it
     * @return the training metrics at each evaluation point
     * @throws TrainingDivergedException at the first step whose loss is not finite or has exploded
     */
    public TrainingHistory fit(Net net, RandomAccessDataset train) {
        return fit(net, train, Optional.empty());
    }

    private TrainingHistory fit(Net net, RandomAccessDataset train, Optional<Dataset> test) {
        int perEpoch = config.batchesPerEpoch(train.size());
        int total = config.epochs() * perEpoch;
        if (startIteration >= total) {
            throw new IllegalArgumentException("cannot start at iteration " + startIteration + " of a run of "
                    + total + " iterations (" + config.epochs() + " epochs of " + perEpoch + ")");
        }
        mask.ifPresent(m -> m.validate(net).applyTo(net));
        Updates masking = mask.<Updates>map(m -> updates.transformingGradients(new MaskedGradients(m))).orElse(updates);
        StepUpdate update = masking.start(net, config, new RunLength(perEpoch, total, startIteration));
        String name = label == null ? net.name() : label;
        Device device = net.parameters().values().iterator().next().getArray().getDevice();
        // The trainer runs the forward pass, the listeners and the evaluations; the updates are the StepUpdate's.
        StepLoss loss = new StepLoss(objective.loss());
        DefaultTrainingConfig djlConfig = new DefaultTrainingConfig(loss)
                .optDevices(new Device[] {device})
                .addTrainingListeners(new EvaluatorTrainingListener(), new ProgressBar(name, startIteration, total, perEpoch,
                        validation.isPresent() ? "validation" : "test"))
                .addTrainingListeners(listeners.toArray(TrainingListener[]::new));
        objective.evaluators().forEach(djlConfig::addEvaluator);
        // The engine's generator drives dropout and other random layers; the data order is the dataset's.
        net.manager().getEngine().setRandomSeed(Long.hashCode(config.seed()));
        try (Model model = Model.newInstance(net.name(), device)) {
            model.setBlock(objective.block(net));
            try (Trainer trainer = model.newTrainer(djlConfig)) {
                Map<String, NDArray> arrays = arrays(net, update);
                DivergenceGuard guard = new DivergenceGuard(name, arrays, config.learningRate(), strict,
                        startIteration == 0 ? perEpoch : 0);
                return new TrainingLoop(trainer, loss, objective, update, afterSteps(net), arrays, config, perEpoch,
                        snapshots, guard, times == null ? new StepTimes(0) : times).run(train, validation, test, startIteration, total);
            }
        }
    }

    /** Every parameter of the net, then whatever else the update changes (scores), by name. */
    private static Map<String, NDArray> arrays(Net net, StepUpdate update) {
        Map<String, NDArray> arrays = new LinkedHashMap<>();
        net.parameters().forEach((name, p) -> arrays.put(name, p.getArray()));
        update.arrays().forEach(arrays::putIfAbsent);
        return arrays;
    }

    /** Re-applying the mask comes first: it is what guarantees exact zeros, whatever the optimizer did. */
    private List<AfterStep> afterSteps(Net net) {
        List<AfterStep> all = new ArrayList<>();
        mask.ifPresent(m -> all.add(step -> m.applyTo(net)));
        all.addAll(afterSteps);
        return all;
    }

    @SafeVarargs
    private static <T> List<T> concat(List<T> list, T... more) {
        List<T> all = new ArrayList<>(list);
        all.addAll(List.of(more));
        return List.copyOf(all);
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
