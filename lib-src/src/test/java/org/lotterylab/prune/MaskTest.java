package org.lotterylab.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;
import tech.tablesaw.api.Table;

class MaskTest {

    private final NDManager manager = NDManager.newBaseManager();
    private final Net net = Models.lenet300100(10).initialize(manager, 0);

    @TempDir
    Path dir;

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void pruningWorksOnAThreadOtherThanTheEngines() throws InterruptedException {
        // A notebook cell runs on a kernel thread, where PyTorch starts with gradient recording on.
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread cell = new Thread(() -> {
            try (NDManager cellManager = NDManager.newBaseManager()) {
                Net fresh = Models.lenet300100(10).initialize(cellManager, 1);
                Mask pruned = Prune.magnitude().global().prune(fresh, Mask.ones(fresh), 0.5);
                assertEquals(0, pruned.revivedIn(fresh));
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        cell.start();
        cell.join();
        assertNull(failure.get(), () -> "pruning failed off the engine's thread: " + failure.get());
    }

    /** Keeps every other weight of fc1 and everything else. */
    private Mask halfOfFc1() {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> tensors.put(name, p.getArray().onesLike()));
        NDArray fc1 = manager.arange(300 * 784).toType(DataType.FLOAT32, false).mod(2).reshape(300, 784);
        tensors.put("fc1.weight", fc1);
        return Mask.of(tensors);
    }

    @Test
    void onesKeepsEveryPrunableWeight() {
        Mask mask = Mask.ones(net);
        assertEquals(784 * 300 + 300 * 100 + 100 * 10, mask.total());
        assertEquals(mask.total(), mask.remaining());
        assertEquals(1.0, mask.density());
    }

    @Test
    void applyingZeroesExactlyThePrunedWeights() {
        Mask mask = halfOfFc1();
        mask.applyTo(net);
        NDArray w = net.parameter("fc1.weight").getArray();
        assertEquals(300 * 784 / 2, w.eq(0).countNonzero().getLong());
        assertEquals(0, mask.revivedIn(net));
        w.addi(1);
        assertEquals(300 * 784 / 2, mask.revivedIn(net));
    }

    @Test
    void countsAndCombinations() {
        Mask half = halfOfFc1();
        long pruned = 300 * 784 / 2;
        assertEquals(half.total() - pruned, half.remaining());
        assertEquals(pruned, half.remaining("fc1.weight"));
        Mask inverse = half.invert();
        assertEquals(pruned, inverse.remaining());
        assertEquals(0, half.and(inverse).remaining());
        assertEquals(half, half.and(Mask.ones(net)));
        assertEquals(1.0 - half.density(), half.sparsity(), 1e-12);
    }

    @Test
    void aMaskForAnotherModelIsRejectedWithNameAndShapes() {
        Mask mask = Mask.ones(net);
        Net fewerClasses = Models.lenet300100(5).initialize(manager, 0);
        var shape = assertThrows(IllegalArgumentException.class, () -> mask.validate(fewerClasses));
        assertTrue(shape.getMessage().contains("fc3.weight") && shape.getMessage().contains("(10, 100)")
                && shape.getMessage().contains("(5, 100)") && shape.getMessage().contains("another model"),
                shape.getMessage());
        Net conv = Models.lenet5(1, 10).initialize(manager, 0);
        var name = assertThrows(IllegalArgumentException.class, () -> mask.applyTo(conv));
        assertTrue(name.getMessage().contains("fc1.weight") && name.getMessage().contains("another model"),
                name.getMessage());
    }

    @Test
    void aMaskMissingAPrunableLayerIsRejectedNamingIt() {
        Mask ones = Mask.ones(net);
        Map<String, NDArray> withoutFc2 = new LinkedHashMap<>();
        for (String name : new String[] {"fc1.weight", "fc3.weight"}) {
            withoutFc2.put(name, ones.get(name).duplicate());
        }
        Mask partial = Mask.of(withoutFc2);
        for (var check : new Executable[] {() -> partial.validate(net), () -> partial.applyTo(net)}) {
            var e = assertThrows(IllegalArgumentException.class, check);
            assertTrue(e.getMessage().contains("[fc2.weight]") && e.getMessage().contains("dense")
                    && e.getMessage().contains("Mask.ones(net)"), e.getMessage());
        }
    }

    @Test
    void aMaskThatWouldScaleWeightsIsRejected() throws IOException {
        for (float value : new float[] {0.5f, 2f, -1f, Float.NaN}) {
            NDArray scaled = net.parameter("fc3.weight").getArray().onesLike();
            scaled.set(new NDIndex("0, 0"), value);
            var e = assertThrows(IllegalArgumentException.class, () -> Mask.of(Map.of("fc3.weight", scaled)));
            assertTrue(e.getMessage().contains("fc3.weight") && e.getMessage().contains("1 values other than 0 and 1")
                    && e.getMessage().contains(String.valueOf(value)), e.getMessage());
        }
        Path file = dir.resolve("scaled.npz");
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> tensors.put(name, p.getArray().onesLike().mul(0.5f)));
        MaskFile.write(file, tensors);
        var e = assertThrows(IOException.class, () -> Mask.load(file, manager));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("0.5"), e.getMessage());
    }

    @Test
    void reportHasOneRowPerLayerAndATotal() {
        Table report = halfOfFc1().report();
        assertEquals(4, report.rowCount());
        assertEquals("total", report.stringColumn("layer").get(3));
        assertEquals(50.0, report.doubleColumn("density %").get(0), 1e-9);
        assertEquals(300 * 784L, report.longColumn("total").get(0));
    }

    @Test
    void saveAndLoadRoundTrip() throws IOException {
        Mask mask = halfOfFc1();
        Path file = dir.resolve("masks/round-1.npz");
        mask.save(file);
        try (Mask loaded = Mask.load(file, manager)) {
            assertEquals(mask, loaded);
            assertEquals(mask.names(), loaded.names());
        }
        try (var files = Files.list(file.getParent())) {
            assertEquals(1, files.count(), "no temporary file is left behind");
        }
    }

    @Test
    void aTruncatedFileIsReportedByName() throws IOException {
        Path file = dir.resolve("mask.npz");
        Mask.ones(net).save(file);
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        var e = assertThrows(IOException.class, () -> Mask.load(file, manager));
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void anNpzWithoutTheFormatVersionIsNotAMask() throws IOException {
        Path file = dir.resolve("weights.npz");
        NDArray w = manager.ones(new Shape(2, 2));
        w.setName("fc1.weight");
        try (OutputStream out = Files.newOutputStream(file)) {
            new NDList(w).encode(out, NDList.Encoding.NPZ);
        }
        var e = assertThrows(IOException.class, () -> Mask.load(file, manager));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
    }
}
