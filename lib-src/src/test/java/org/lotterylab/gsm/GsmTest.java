package org.lotterylab.gsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.runs.Run;
import org.lotterylab.runs.RunStore;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TrainingConfig;

class GsmTest {

    private static final TrainingConfig TRAINING = TrainingConfig.defaults()
            .withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.05).withMomentum(0.9).withWeightDecay(5e-3)
            .withEpochs(2).withBatchSize(32).withEvaluateEvery(3);

    @Test
    void trainsTruncatesAndLoadsTheFinishedRun(@TempDir Path runs) {
        GsmConfig config = new GsmConfig(TRAINING, Compression.of(8));
        Run run = RunStore.at(runs).experiment("gsm").run(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            Net net = TinyTask.net().initialize(manager, 0);
            var train = TinyTask.data(manager, TinyTask.SAMPLES, 32, 1);
            var test = TinyTask.data(manager, 96, 32, 2);
            Gsm gsm = Gsm.with(config).storedIn(run);
            GsmResult result = gsm.fit(net, train, test);

            long keep = config.compression().keep(net);
            assertEquals(keep, result.kept());
            assertEquals(4, result.history().evaluations().size(), "2 epochs of 6 batches, evaluated every 3");
            assertEquals(result.history().evaluations().size(), result.trace().size(), "one density point per evaluation");
            assertEquals(result.trace().size(), result.densityTable().rowCount());
            assertTrue(result.truncatedAccuracy() > 1.0 / TinyTask.CLASSES, "better than chance: " + result.truncatedAccuracy());
            try (Mask mask = gsm.mask(manager)) {
                assertEquals(keep, mask.remaining());
                assertEquals(0, mask.revivedIn(net), "the net is the truncated one");
            }

            Map<String, NDArray> truncated = net.weights();
            Net other = TinyTask.net().initialize(manager, 5);
            GsmResult again = Gsm.with(config).storedIn(RunStore.at(runs).experiment("gsm").run(config)).fit(other, train, test);
            assertEquals(result, again, "a finished run is loaded, not recomputed");
            assertFalse(other.weights().get("fc1.weight").contentEquals(truncated.get("fc1.weight")),
                    "loading a finished run leaves the net alone");
            other.load(gsm.trainedWeights(manager));
            assertTrue(other.weights().get("fc1.weight").contentEquals(truncated.get("fc1.weight")));
        }
    }

    @Test
    void finishedRunThatLostItsMaskIsRecomputed(@TempDir Path runs) throws Exception {
        GsmConfig config = new GsmConfig(TRAINING, Compression.of(8));
        Run run = RunStore.at(runs).experiment("gsm").run(config);
        try (NDManager manager = NDManager.newBaseManager()) {
            var train = TinyTask.data(manager, TinyTask.SAMPLES, 32, 1);
            var test = TinyTask.data(manager, 96, 32, 2);
            Gsm gsm = Gsm.with(config).storedIn(run);
            GsmResult result = gsm.fit(TinyTask.net().initialize(manager, 0), train, test);
            Mask kept = gsm.mask(manager);
            Files.write(run.dir().resolve("checkpoints/mask.ckpt"), new byte[] {1, 2, 3});

            var refused = assertThrows(IllegalStateException.class, () -> gsm.mask(manager));
            assertTrue(refused.getMessage().contains("call fit(net, train, test) again"), refused.getMessage());
            assertEquals(result, gsm.fit(TinyTask.net().initialize(manager, 0), train, test));
            assertEquals(kept, gsm.mask(manager), "the recomputed run serves the same mask");
        }
    }

    @Test
    void configurationNamesWhatIsWrong() {
        var adam = assertThrows(IllegalArgumentException.class,
                () -> new GsmConfig(TRAINING.withOptimizer(OptimizerKind.ADAM, 1e-3), Compression.of(10)));
        assertTrue(adam.getMessage().contains("SGD_MOMENTUM"), adam.getMessage());
        var noDecay = assertThrows(IllegalArgumentException.class,
                () -> new GsmConfig(TRAINING.withWeightDecay(0), Compression.of(10)));
        assertTrue(noDecay.getMessage().contains("weight decay"), noDecay.getMessage());
    }

    @Test
    void unfinishedRunHasNoMask(@TempDir Path runs) {
        GsmConfig config = new GsmConfig(TRAINING, Compression.of(8));
        Gsm gsm = Gsm.with(config).storedIn(RunStore.at(runs).experiment("gsm").run(config));
        try (NDManager manager = NDManager.newBaseManager()) {
            var error = assertThrows(IllegalStateException.class, () -> gsm.mask(manager));
            assertTrue(error.getMessage().contains("fit("), error.getMessage());
        }
    }
}
