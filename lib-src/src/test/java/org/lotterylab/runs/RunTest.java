package org.lotterylab.runs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import java.util.List;

class RunTest extends StoreFixture {

    record Config(String model, int rounds) {}

    record Results(double accuracy) {}

    RunTest() {
        super("test");
    }

    @Test
    void sameConfigGivesSameFolderWithConfigJson() {
        Run run = experiment.run(new Config("lenet", 3));
        assertEquals(run.dir(), experiment.run(new Config("lenet", 3)).dir());
        assertEquals(root.resolve("test").resolve(ConfigHash.folderName(new Config("lenet", 3))), run.dir());
        assertTrue(run.configJson().contains("\"rounds\": 3"));
        assertEquals(1, experiment.runs().size());
    }

    @Test
    void configJsonIsComparedByItsValuesNotItsText() throws Exception {
        Run run = experiment.run(new Config("lenet", 3));
        Path file = run.dir().resolve(Run.CONFIG);
        Files.writeString(file, "{\"rounds\": 3.0,\n  \"model\": \"lenet\"}\n\n");
        assertEquals(run.dir(), experiment.run(new Config("lenet", 3)).dir(), "layout and a final newline are no difference");

        Files.writeString(file, "{\"model\": \"lenet\", \"rounds\": 4}");
        var edited = assertThrows(IllegalStateException.class, () -> experiment.run(new Config("lenet", 3)));
        assertTrue(edited.getMessage().contains("rounds is 4 in config.json but 3"), edited.getMessage());
        Files.writeString(file, "{\"model\": \"lenet\"}");
        var missing = assertThrows(IllegalStateException.class, () -> experiment.run(new Config("lenet", 3)));
        assertTrue(missing.getMessage().contains("rounds is in the configuration given but not in config.json"),
                missing.getMessage());
        Files.writeString(file, "{\"model\": ");
        var broken = assertThrows(IllegalStateException.class, () -> experiment.run(new Config("lenet", 3)));
        assertTrue(broken.getMessage().contains("not valid JSON"), broken.getMessage());
    }

    record Seeded(long seed) {}

    @Test
    void largeSeedsAreComparedExactly() throws Exception {
        long seed = (1L << 60) + 1;
        Run run = experiment.run(new Seeded(seed));
        Files.writeString(run.dir().resolve(Run.CONFIG), "{\"seed\": " + (seed + 1) + "}");
        var e = assertThrows(IllegalStateException.class, () -> experiment.run(new Seeded(seed)));
        assertTrue(e.getMessage().contains("seed is " + (seed + 1)), e.getMessage());
    }

    @Test
    void finishedRunReturnsItsResults() {
        Run run = experiment.run(new Config("lenet", 3));
        assertFalse(run.isFinished());
        assertTrue(run.results(Results.class).isEmpty());
        run.markFinished(new Results(0.97));
        Run again = experiment.run(new Config("lenet", 3));
        assertTrue(again.isFinished());
        assertEquals(0.97, again.results(Results.class).orElseThrow().accuracy());
    }

    @Test
    void checkpointRoundTripsNamesAndValues() {
        Run run = experiment.run(new Config("lenet", 3));
        run.saveCheckpoint("weights", tensors());
        Map<String, NDArray> loaded = run.loadCheckpoint("weights", manager).orElseThrow();
        assertEquals(List.of("b", "a"), List.copyOf(loaded.keySet()));
        assertArrayEquals(new float[] {1, 2, 3}, loaded.get("b").toFloatArray());
        assertTrue(run.loadCheckpoint("missing", manager).isEmpty());
    }

    @Test
    void truncatedCheckpointIsReportedAndNotUsed() throws Exception {
        Run run = experiment.run(new Config("lenet", 3));
        run.saveCheckpoint("weights", tensors());
        Path file = run.dir().resolve("checkpoints/weights.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 5));
        assertTrue(run.loadCheckpoint("weights", manager).isEmpty());
        assertTrue(Files.exists(file.resolveSibling("weights.ckpt.corrupt")), "kept aside for inspection");
    }

    @Test
    void alteredCheckpointFailsItsHash() throws Exception {
        Run run = experiment.run(new Config("lenet", 3));
        run.saveCheckpoint("weights", tensors());
        Path file = run.dir().resolve("checkpoints/weights.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(file, bytes);
        assertTrue(run.loadCheckpoint("weights", manager).isEmpty());
    }

    @Test
    void aFinishedRunChecksItsCheckpointsAndCanBeReopened() throws Exception {
        Run run = experiment.run(new Config("lenet", 3));
        run.saveCheckpoint("weights", tensors());
        run.markFinished(new Results(0.97));
        assertTrue(run.hasIntactCheckpoint("weights"));
        assertFalse(run.hasIntactCheckpoint("missing"));

        Path file = run.dir().resolve("checkpoints/weights.ckpt");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 1] ^= 0x55;
        Files.write(file, bytes);
        assertFalse(run.hasIntactCheckpoint("weights"));
        assertTrue(Files.exists(file.resolveSibling("weights.ckpt.corrupt")), "kept aside for inspection");

        run.markUnfinished();
        assertFalse(run.isFinished(), "the code that made it runs again");
    }

    @Test
    void garbageIsNotACheckpoint() throws Exception {
        Run run = experiment.run(new Config("lenet", 3));
        Files.createDirectories(run.dir().resolve("checkpoints"));
        Files.writeString(run.dir().resolve("checkpoints/weights.ckpt"), "hello");
        assertTrue(run.loadCheckpoint("weights", manager).isEmpty());
    }

    @Test
    void metricsAppendAndDiscardRowsOfUnfinishedUnits() {
        Run run = experiment.run(new Config("lenet", 3));
        for (int round = 0; round < 3; round++) {
            run.appendMetrics(row(round, 0.9 + round / 100.0));
        }
        run.discardMetricsAfter("round", 1);
        var table = run.metrics();
        assertEquals(2, table.rowCount());
        assertEquals(0.91, table.numberColumn("accuracy").getDouble(1), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> run.appendMetrics(Map.of("other", 1)));
    }

    @Test
    void badExperimentNameIsRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> RunStore.at(root).experiment("../x"));
        assertTrue(error.getMessage().contains("../x"));
    }

    private Map<String, NDArray> tensors() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        tensors.put("b", manager.create(new float[] {1, 2, 3}));
        tensors.put("a", manager.ones(new ai.djl.ndarray.types.Shape(2, 2)));
        return tensors;
    }

    private static Map<String, Object> row(int round, double accuracy) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("round", round);
        row.put("accuracy", accuracy);
        return row;
    }
}
