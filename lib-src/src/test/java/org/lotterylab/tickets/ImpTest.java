package org.lotterylab.tickets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.training.Trainer;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Scope;
import org.lotterylab.runs.Run;
import org.lotterylab.runs.RunStore;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TrainingConfig;
import org.lotterylab.train.TrainingDivergedException;

class ImpTest {

    /** Counts trainings (one per round) and can fail in a chosen one, like a kernel crash. */
    static final class Rounds extends TrainingListenerAdapter {
        private final int crashIn;
        int started;

        Rounds(int crashIn) {
            this.crashIn = crashIn;
        }

        @Override
        public void onTrainingBegin(Trainer trainer) {
            started++;
        }

        @Override
        public void onTrainingBatch(Trainer trainer, BatchData batchData) {
            if (started == crashIn) {
                throw new IllegalStateException("simulated crash");
            }
        }
    }

    private static final ImpConfig CONFIG = ImpConfig.of(TrainingConfig.defaults().withEpochs(2).withBatchSize(32))
            .withRounds(2);

    @TempDir
    Path root;

    private NDManager manager;
    private ArrayDataset train;
    private ArrayDataset test;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
        train = TinyTask.data(manager, TinyTask.SAMPLES, 32, 1);
        test = TinyTask.data(manager, 96, 32, 2);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Net freshNet() {
        return TinyTask.net().initialize(manager, 0);
    }

    private Run run(String experiment, ImpConfig config) {
        return RunStore.at(root).experiment(experiment).run(config);
    }

    @Test
    void prunesTwentyPercentOfTheRemainingWeightsPerRound() {
        Imp imp = Imp.with(CONFIG).storedIn(run("imp", CONFIG));
        ImpResult result = imp.run(freshNet(), train, test);
        assertEquals(3, result.rounds().size());
        double[] expected = {1, 0.8, 0.64};
        for (int round = 0; round < 3; round++) {
            assertEquals(expected[round], result.round(round).density(), 1e-2);
            assertEquals(result.round(round).density(), imp.ticket(round, manager).density(), 1e-9);
        }
        assertEquals(3 * 2, imp.storedRun().metrics().rowCount(), "one row per round and epoch");
        assertEquals(3, result.table().rowCount());
    }

    @Test
    void everyRoundSelectsOnTheValidationSetAndRecordsIt() {
        ArrayDataset validation = TinyTask.data(manager, 96, 32, 3);
        Imp imp = Imp.with(CONFIG).storedIn(run("validated", CONFIG)).selectingOn(validation);
        ImpResult result = imp.run(freshNet(), train, test);
        var metrics = imp.storedRun().metrics();
        assertTrue(metrics.columnNames().contains("validation_accuracy"), metrics.columnNames().toString());
        for (RoundResult round : result.rounds()) {
            var rows = metrics.where(metrics.numberColumn("round").isEqualTo(round.round()));
            double bestValidation = rows.numberColumn("validation_accuracy").max();
            // The early-stopping iteration is the first evaluation of best validation accuracy.
            var best = rows.where(rows.numberColumn("validation_accuracy").isEqualTo(bestValidation));
            assertEquals(round.bestIteration(), (int) best.numberColumn("iteration").getDouble(0));
            assertEquals(round.bestAccuracy(), best.numberColumn("test_accuracy").getDouble(0), 1e-6);
        }
    }

    @Test
    void finishedRunIsLoadedNotRetrained() {
        Run run = run("imp", CONFIG);
        ImpResult first = Imp.with(CONFIG).storedIn(run).run(freshNet(), train, test);
        Rounds rounds = new Rounds(-1);
        ImpResult again = Imp.with(CONFIG).storedIn(run).listeners(rounds).run(freshNet(), train, test);
        assertEquals(first, again);
        assertEquals(0, rounds.started);
    }

    @Test
    void resumeAfterCrashLosesNoCompletedRound() {
        ImpResult uninterrupted = Imp.with(CONFIG).storedIn(run("reference", CONFIG)).run(freshNet(), train, test);

        Run run = run("crashing", CONFIG);
        Rounds crashing = new Rounds(3);
        assertThrows(IllegalStateException.class,
                () -> Imp.with(CONFIG).storedIn(run).listeners(crashing).run(freshNet(), train, test));
        assertFalse(run.isFinished());

        Rounds resumed = new Rounds(-1);
        ImpResult result = Imp.with(CONFIG).storedIn(run).listeners(resumed).run(freshNet(), train, test);
        assertEquals(1, resumed.started, "rounds 0 and 1 are loaded, only round 2 trains");
        assertEquals(uninterrupted, result);
        assertEquals(uninterrupted.rounds().size() * 2, run.metrics().rowCount(), "no duplicate metrics rows");
    }

    @Test
    void corruptCheckpointIsRecomputedNotUsed() throws Exception {
        ImpResult uninterrupted = Imp.with(CONFIG).storedIn(run("reference", CONFIG)).run(freshNet(), train, test);
        Run run = run("corrupt", CONFIG);
        assertThrows(IllegalStateException.class,
                () -> Imp.with(CONFIG).storedIn(run).listeners(new Rounds(3)).run(freshNet(), train, test));
        Path trained = run.dir().resolve("checkpoints/round-01-trained.ckpt");
        Files.write(trained, new byte[] {1, 2, 3});

        Rounds resumed = new Rounds(-1);
        ImpResult result = Imp.with(CONFIG).storedIn(run).listeners(resumed).run(freshNet(), train, test);
        assertEquals(2, resumed.started, "round 1 is recomputed from round 0's state, then round 2");
        assertEquals(uninterrupted, result);
    }

    @Test
    void finishedRunWithACorruptCheckpointRecomputesTheDamagedRoundAndTheRoundsAfterIt() throws Exception {
        Run run = run("finished", CONFIG);
        Imp imp = Imp.with(CONFIG).storedIn(run);
        ImpResult first = imp.run(freshNet(), train, test);
        Mask ticket = imp.ticket(1, manager).mask();
        flipAByteOf(run.dir().resolve("checkpoints/round-01-mask.ckpt"));

        var refused = assertThrows(IllegalStateException.class, () -> imp.ticket(1, manager));
        assertTrue(refused.getMessage().contains("imp.run(net, train, test) again"), refused.getMessage());
        assertTrue(Files.exists(run.dir().resolve("checkpoints/round-01-mask.ckpt.corrupt")), "kept for inspection");

        Rounds repaired = new Rounds(-1);
        ImpResult again = Imp.with(CONFIG).storedIn(run).listeners(repaired).run(freshNet(), train, test);
        assertEquals(2, repaired.started, "rounds 1 and 2 are trained again, round 0 is kept");
        assertEquals(first, again);
        assertEquals(ticket, imp.ticket(1, manager).mask());
        assertEquals(3 * 2, run.metrics().rowCount(), "no duplicate metrics rows");
    }

    @Test
    void finishedRunWithDamagedRewindWeightsIsRecomputedFromTheStart() throws Exception {
        Run run = run("rewind", CONFIG);
        ImpResult first = Imp.with(CONFIG).storedIn(run).run(freshNet(), train, test);
        flipAByteOf(run.dir().resolve("checkpoints/rewind.ckpt"));

        Rounds repaired = new Rounds(-1);
        ImpResult again = Imp.with(CONFIG).storedIn(run).listeners(repaired).run(freshNet(), train, test);
        assertEquals(3, repaired.started, "every round starts from the rewind weights");
        assertEquals(first, again);
        assertTrue(run.isFinished());
    }

    private static void flipAByteOf(Path file) throws Exception {
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 1;
        Files.write(file, bytes);
    }

    @Test
    void lateResetRewindsToIterationK() {
        ImpConfig late = CONFIG.withRounds(1).rewindingTo(3);
        Net net = freshNet();
        var init = net.weights();
        Imp imp = Imp.with(late).storedIn(run("late", late));
        ImpResult result = imp.run(net, train, test);
        Ticket ticket = imp.ticket(1, manager);
        assertEquals(3, ticket.startIteration());
        assertFalse(ticket.weights().get("fc1.weight").contentEquals(init.get("fc1.weight")));
        assertTrue(result.round(1).bestIteration() > 3, "round 1 resumes at iteration 3");
        Net other = freshNet();
        var history = ticket.train(other, late.training(), train, test);
        assertEquals(12, history.last().iteration());
        assertEquals(0, ticket.mask().revivedIn(other));
    }

    @Test
    void layerwiseImpCanPruneTheOutputLayerAtHalfRate() {
        ImpConfig paper = CONFIG.withScope(Scope.LAYERWISE).withLastLayerRate(0.5);
        Imp imp = Imp.with(paper).storedIn(run("paper", paper));
        imp.run(freshNet(), train, test);
        Mask mask = imp.ticket(2, manager).mask();
        String output = freshNet().outputLayer();
        String hidden = mask.names().iterator().next();
        assertEquals(0.81, (double) mask.remaining(output) / mask.total(output), 0.02, "0.9 × 0.9 of the output layer");
        assertEquals(0.64, (double) mask.remaining(hidden) / mask.total(hidden), 0.02, "0.8 × 0.8 of a hidden layer");
        assertThrows(IllegalArgumentException.class, () -> CONFIG.withLastLayerRate(-0.1));
    }

    @Test
    void withoutAStoreRoundsGoToATemporaryRun() {
        Imp imp = Imp.with(CONFIG).rounds(1);
        ImpResult result = imp.run(freshNet(), train, test);
        assertEquals(2, result.rounds().size());
        assertTrue(imp.storedRun().isFinished());
        Mask mask = imp.ticket(1, manager).mask();
        assertEquals(0.8, mask.density(), 1e-2);
    }

    /** Makes a gradient NaN in the chosen training (round), as a diverging learning rate would. */
    static final class Diverging extends TrainingListenerAdapter {
        private final int divergeIn;
        private final Net net;
        private int started;

        Diverging(int divergeIn, Net net) {
            this.divergeIn = divergeIn;
            this.net = net;
        }

        @Override
        public void onTrainingBegin(Trainer trainer) {
            started++;
        }

        @Override
        public void onTrainingBatch(Trainer trainer, BatchData batchData) {
            if (started == divergeIn) {
                try (var gradient = net.parameter("fc1.weight").getArray().getGradient()) {
                    gradient.muli(Float.NaN);
                }
            }
        }
    }

    @Test
    void aDivergedRoundIsNotStoredAndARerunTrainsItAgain() {
        Run run = run("diverging", CONFIG);
        Net net = freshNet();
        var e = assertThrows(TrainingDivergedException.class,
                () -> Imp.with(CONFIG).storedIn(run).listeners(new Diverging(2, net)).run(net, train, test));
        assertTrue(e.getMessage().contains(run.dir().toString()) && e.getMessage().contains("round 1"), e.getMessage());
        assertFalse(run.isFinished());
        assertThrows(IllegalStateException.class, () -> Imp.with(CONFIG).storedIn(run).ticket(1, manager),
                "round 1 diverged: it has no ticket");

        Net again = freshNet();
        var twice = assertThrows(TrainingDivergedException.class,
                () -> Imp.with(CONFIG).storedIn(run).listeners(new Diverging(1, again)).run(again, train, test));
        assertTrue(twice.getMessage().contains("round 1"), "the re-run trains round 1 again: " + twice.getMessage());

        ImpResult uninterrupted = Imp.with(CONFIG).storedIn(run("reference", CONFIG)).run(freshNet(), train, test);
        assertEquals(uninterrupted, Imp.with(CONFIG).storedIn(run).run(freshNet(), train, test));
    }
}
