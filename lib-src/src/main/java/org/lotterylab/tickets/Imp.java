package org.lotterylab.tickets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.listener.TrainingListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Prune;
import org.lotterylab.prune.Pruner;
import org.lotterylab.prune.Scope;
import org.lotterylab.runs.Run;
import org.lotterylab.runs.RunStore;
import org.lotterylab.train.Evaluation;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingDivergedException;
import org.lotterylab.train.TrainingHistory;
import org.lotterylab.train.WeightSnapshot;

/**
 * Iterative magnitude pruning: train, prune the smallest weights, rewind the survivors, repeat.
 *
 * <pre>{@code
 * var imp = Imp.with(ImpConfig.of(training)).rounds(10).storedIn(run);
 * ImpResult result = imp.run(net, trainSet, testSet);
 * display(result.table());
 * }</pre>
 *
 * <p>Every round is a unit of the run store: it is committed (mask, trained weights, result) when
 * it ends, so re-running the cell loads a finished run, and resumes an interrupted one after its
 * last complete round. Without {@link #storedIn(Run)} the rounds go to a temporary folder.
 */
public final class Imp {

    private final ImpConfig config;
    private final List<TrainingListener> listeners;
    private final Optional<Dataset> validation;
    private Run run;

    private Imp(ImpConfig config, Run run, List<TrainingListener> listeners, Optional<Dataset> validation) {
        this.config = config;
        this.run = run;
        this.listeners = List.copyOf(listeners);
        this.validation = validation;
    }

    /**
     * @param config the IMP hyper-parameters
     * @return IMP with them, not yet stored
     */
    public static Imp with(ImpConfig config) {
        return new Imp(config, null, List.of(), Optional.empty());
    }

    /** @param count pruning rounds after the dense round @return IMP with that many rounds */
    public Imp rounds(int count) {
        return new Imp(config.withRounds(count), run, listeners, validation);
    }

    /**
     * @param value the run whose folder holds the rounds, e.g. {@code experiment.run(config)}
     * @return IMP stored there
     */
    public Imp storedIn(Run value) {
        return new Imp(config, value, listeners, validation);
    }

    /** @param extra DJL listeners added to every round's training @return IMP with them */
    public Imp listeners(TrainingListener... extra) {
        List<TrainingListener> all = new ArrayList<>(listeners);
        all.addAll(List.of(extra));
        return new Imp(config, run, all, validation);
    }

    /**
     * Picks every round's early-stopping iteration on a validation set rather than the test set
     * ({@link Training#selectingOn}); the rounds' reported accuracies stay the test set's, there.
     * The validation set is data, not a hyper-parameter of IMP: name it in the run's configuration.
     *
     * @param value the validation set, carved from the training data
     * @return IMP selecting on it
     */
    public Imp selectingOn(Dataset value) {
        return new Imp(config, run, listeners, Optional.of(value));
    }

    /** @return the configuration */
    public ImpConfig config() {
        return config;
    }

    /** @return the run holding the rounds (a temporary one unless {@link #storedIn(Run)} was called) */
    public Run storedRun() {
        if (run == null) {
            try {
                run = RunStore.at(Files.createTempDirectory("lotterylab-imp")).experiment("imp").run(config);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temporary run folder", e);
            }
        }
        return run;
    }

    /**
     * Runs the rounds not yet complete in the store; a finished run whose checkpoints are intact
     * returns its stored results without touching the net. A finished run with a missing or
     * damaged checkpoint recomputes the round that needs it and the rounds after it, so give it a
     * net initialised as the first time (same model, same seed).
     *
     * @param net the initialised dense net (its current weights are the initialisation); it is trained
     * @param train the training set
     * @param test the test set, evaluated during training
     * @return one result per round, round 0 (dense) first
     */
    public ImpResult run(Net net, RandomAccessDataset train, Dataset test) {
        Run store = storedRun();
        RoundFiles files = new RoundFiles(store);
        if (store.isFinished() && files.intactOrReopened(config.rounds())) {
            return store.results(ImpResult.class).orElseThrow();
        }
        files.describe(net);
        Resume resume = Resume.from(files, net, config, pruner());
        store.discardMetricsAfter("round", resume.completed() - 1L);
        List<RoundResult> results = new ArrayList<>(resume.results());
        Mask mask = resume.mask();
        Map<String, NDArray> rewind = resume.rewind();
        for (int round = resume.completed(); round <= config.rounds(); round++) {
            if (round > 0) {
                net.load(rewind);
            }
            Optional<WeightSnapshot> snapshot = round == 0 && config.rewindIteration() > 0
                    ? Optional.of(new WeightSnapshot(net, config.rewindIteration())) : Optional.empty();
            TrainingHistory history;
            try {
                history = training(net, round, mask, snapshot).fit(net, train, test);
            } catch (TrainingDivergedException e) {
                // The round is not committed: a re-run trains it again rather than resuming from numbers that broke.
                throw e.in("IMP run " + store.dir() + ", round " + round);
            }
            rewind = snapshot.map(WeightSnapshot::weights).orElse(rewind);
            results.add(commit(files, round, mask, history, net, rewind));
            if (round < config.rounds()) {
                Mask next = pruner().prune(net, mask, config.fraction());
                mask.close();
                mask = next;
            }
        }
        ImpResult result = new ImpResult(results);
        store.markFinished(result);
        return result;
    }

    /**
     * The ticket of a completed round: its mask and the rewind weights.
     *
     * @param round the round's number (0 is the dense net)
     * @param manager where the ticket's tensors are created
     * @return the ticket
     * @throws IllegalStateException when the round is not complete in the store, or its checkpoint
     *     is missing or damaged; the message says what to run
     */
    public Ticket ticket(int round, NDManager manager) {
        RoundFiles files = new RoundFiles(storedRun());
        Optional<Mask> mask = files.mask(round, manager);
        Optional<Map<String, NDArray>> rewind = files.rewind(manager);
        if (mask.isEmpty() || rewind.isEmpty()) {
            mask.ifPresent(Mask::close);
            throw new IllegalStateException(noTicket(round));
        }
        return new Ticket(mask.get(), rewind.get(), config.rewindIteration());
    }

    private String noTicket(int round) {
        Run store = storedRun();
        if (round < 0 || round > config.rounds()) {
            return "IMP has rounds 0 to " + config.rounds() + ", not " + round;
        }
        if (store.isFinished()) {
            return "round " + round + " of " + store + " has no readable ticket: a checkpoint in "
                    + store.dir().resolve("checkpoints") + " is missing or damaged (a damaged one is kept as *.corrupt). "
                    + "Call imp.run(net, train, test) again with the net initialised as the first time: "
                    + "it recomputes the damaged round and the rounds after it";
        }
        return "round " + round + " of " + store + " is not complete: run imp.run(net, train, test) first";
    }

    private Training training(Net net, int round, Mask mask, Optional<WeightSnapshot> snapshot) {
        Training plain = Training.with(config.training()).masked(mask)
                .labelled(net.name() + " round " + round)
                .listeners(listeners.toArray(TrainingListener[]::new));
        Training training = validation.map(plain::selectingOn).orElse(plain);
        // Later rounds start from the rewind point, so they resume the schedule there (late resetting).
        Training resumed = round > 0 ? training.startingAt(config.rewindIteration()) : training;
        return snapshot.map(resumed::snapshot).orElse(resumed);
    }

    private RoundResult commit(RoundFiles files, int round, Mask mask, TrainingHistory history, Net net,
            Map<String, NDArray> rewind) {
        RoundResult result = RoundResult.of(round, mask.density(), history);
        for (Evaluation evaluation : history.evaluations()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("round", round);
            row.putAll(evaluation.toRow());
            files.run().appendMetrics(row);
        }
        Map<String, NDArray> trained = net.weights();
        files.save(result, mask, trained, rewind);
        trained.values().forEach(NDArray::close);
        return result;
    }

    private Pruner pruner() {
        Pruner magnitude = Prune.magnitude().lastLayerAt(config.lastLayerRate());
        return config.scope() == Scope.GLOBAL ? magnitude.global() : magnitude.layerwise();
    }
}
