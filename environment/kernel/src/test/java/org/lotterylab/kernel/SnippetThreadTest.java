package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import jdk.jshell.spi.ExecutionControl.StoppedException;
import org.junit.jupiter.api.Test;

class SnippetThreadTest {

    static final AtomicInteger RUNS = new AtomicInteger();

    /** A snippet that ends on its own after a little work. */
    public static Object shortWork() {
        long sum = 0;
        for (int i = 0; i < 20_000; i++) {
            sum += i % 7;
        }
        RUNS.incrementAndGet();
        return sum;
    }

    /** A snippet that never ends unless stopped. */
    public static Object forever() {
        while (true) {
            Thread.onSpinWait();
        }
    }

    @Test
    void aStopRacingTheEndOfASnippetNeverHangsOrKillsTheNextOne() throws Exception {
        Method work = SnippetThreadTest.class.getMethod("shortWork");
        SnippetThread thread = new SnippetThread(getClass().getClassLoader());
        thread.start();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 300; i++) {
                Thread stopper = new Thread(() -> {
                    java.util.concurrent.locks.LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(200_000));
                    thread.stopSnippet();
                });
                stopper.start();
                try {
                    assertEquals(shortWork(), thread.run(work));
                } catch (StoppedException stopped) {
                    // the stop reached this snippet while it ran: fine
                }
                stopper.join();
                // Whatever the stop did, the next snippet runs to its end.
                assertEquals(shortWork(), thread.run(work), "snippet after stop " + i);
            }
        });
        thread.close();
    }

    /**
     * A stop that arrives late, when the snippet it was meant for is over and the thread waits for
     * the next one (as when the scheduler kept the thread off the processor), must not end the thread.
     */
    @Test
    @SuppressWarnings({"deprecation", "removal"})
    void aStopLandingWhileTheThreadWaitsForASnippetLeavesItServing() throws Exception {
        Method work = SnippetThreadTest.class.getMethod("shortWork");
        SnippetThread thread = new SnippetThread(getClass().getClassLoader());
        thread.start();
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (int i = 0; i < 20; i++) {
                while (thread.getState() != Thread.State.WAITING) {
                    Thread.onSpinWait();
                }
                thread.stop();
                assertEquals(shortWork(), thread.run(work), "snippet after a stop sent to the idle thread " + i);
            }
        });
        thread.close();
    }

    @Test
    void aRunawaySnippetIsStoppedAndTheThreadServesTheNext() throws Exception {
        SnippetThread thread = new SnippetThread(getClass().getClassLoader());
        thread.start();
        Thread stopper = new Thread(() -> {
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
            thread.stopSnippet();
        });
        stopper.start();
        assertThrows(StoppedException.class, () -> thread.run(SnippetThreadTest.class.getMethod("forever")));
        assertEquals(shortWork(), thread.run(SnippetThreadTest.class.getMethod("shortWork")));
        thread.close();
    }
}
