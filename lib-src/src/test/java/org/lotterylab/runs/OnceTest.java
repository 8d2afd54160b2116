package org.lotterylab.runs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.lotterylab.prune.Mask;

class OnceTest extends StoreFixture {

    record Config(String model, long seed) {}

    record Result(double accuracy) {}

    OnceTest() {
        super("once");
    }

    @Test
    void computesOnceThenLoads() {
        AtomicInteger computed = new AtomicInteger();
        Result first = experiment.once(new Config("lenet", 0), Result.class, run -> {
            computed.incrementAndGet();
            return new Result(0.97);
        });
        Result second = experiment.once(new Config("lenet", 0), Result.class, run -> {
            computed.incrementAndGet();
            return new Result(0.5);
        });
        assertEquals(new Result(0.97), first);
        assertEquals(first, second);
        assertEquals(1, computed.get());
        assertTrue(experiment.run(new Config("lenet", 0)).isFinished());
    }

    @Test
    void everySeedIsItsOwnRunAndAnInterruptedCallResumes() {
        List<Long> computed = new ArrayList<>();
        var failing = assertThrows(IllegalStateException.class, () -> experiment.acrossSeeds(Seeds.first(3),
                seed -> new Config("lenet", seed), Result.class, (seed, run) -> {
                    if (seed == 1) {
                        throw new IllegalStateException("interrupted at seed 1");
                    }
                    computed.add(seed);
                    return new Result(seed / 10.0);
                }));
        assertEquals("interrupted at seed 1", failing.getMessage());
        PerSeed<Result> all = experiment.acrossSeeds(Seeds.first(3), seed -> new Config("lenet", seed), Result.class,
                (seed, run) -> {
                    computed.add(seed);
                    return new Result(seed / 10.0);
                });
        assertEquals(List.of(0L, 1L, 2L), computed, "seed 0 was loaded, not computed again");
        assertEquals(3, experiment.runs().size());
        assertEquals(Map.of(0L, 0.0, 1L, 0.1, 2L, 0.2), all.sample("accuracy", Result::accuracy).values());
    }

    @Test
    void seedsThatShareAConfigurationAreRefused() {
        var error = assertThrows(IllegalArgumentException.class, () -> experiment.acrossSeeds(Seeds.first(2),
                seed -> new Config("lenet", 0), Result.class, (seed, run) -> new Result(0)));
        assertTrue(error.getMessage().contains("put the seed into the record"), error.getMessage());
        assertTrue(experiment.runs().isEmpty(), "nothing is run before the configurations are checked");
    }

    @Test
    void aResultWithAMaskKeepsBoth() throws Exception {
        AtomicInteger computed = new AtomicInteger();
        try (WithMask<Result> made = experiment.onceWithMask(new Config("lenet", 0), Result.class, manager,
                run -> {
                    computed.incrementAndGet();
                    return new WithMask<>(new Result(0.9), Mask.of(Map.of("fc.weight", manager.create(new float[] {1, 0, 1}))));
                });
             WithMask<Result> loaded = experiment.onceWithMask(new Config("lenet", 0), Result.class, manager,
                run -> {
                    throw new AssertionError("a finished run with an intact mask is loaded");
                })) {
            assertEquals(made.result(), loaded.result());
            assertEquals(made.mask(), loaded.mask());
        }
        assertEquals(1, computed.get());
    }

    @Test
    void aLostMaskIsComputedAgain() throws Exception {
        Config config = new Config("lenet", 0);
        experiment.onceWithMask(config, Result.class, manager,
                run -> new WithMask<>(new Result(0.9), Mask.of(Map.of("w", manager.create(new float[] {1, 0}))))).close();
        Files.delete(experiment.run(config).dir().resolve("checkpoints").resolve(Experiment.MASK_CHECKPOINT + ".ckpt"));
        try (WithMask<Result> again = experiment.onceWithMask(config, Result.class, manager,
                run -> new WithMask<>(new Result(0.8), Mask.of(Map.of("w", manager.create(new float[] {0, 1})))))) {
            assertEquals(new Result(0.8), again.result());
        }
    }
}
