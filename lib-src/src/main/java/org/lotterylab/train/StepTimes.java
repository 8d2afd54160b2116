package org.lotterylab.train;

import java.util.EnumMap;
import java.util.Map;

/**
 * Where the steps of a training run spend their time, phase by phase: the breakdown that
 * {@code environment/lab bench} prints beside its throughput, so that a slow setting shows which
 * part of a step makes it slow.
 *
 * <pre>{@code
 * StepTimes times = new StepTimes(5);               // the first 5 steps warm up and are not counted
 * Training.with(config).timedBy(times).fit(net, train, test);
 * times.millisPerStep();                            // {DATA=0.1, FORWARD=0.9, BACKWARD=1.4, ...}
 * }</pre>
 *
 * <p>The loop marks the end of each phase with the clock; a phase's time is what passed since the
 * previous mark. On a CPU every PyTorch operation has finished when it returns, so the phases are
 * what they say; on a GPU operations run asynchronously and a phase measures when the host handed
 * its work over, the wait landing in whichever phase first reads a result (the loss check), so
 * there only the total is meaningful. One instance times one run.
 */
public final class StepTimes {

    /** The phases of a step, in the order a step passes them. */
    public enum Phase {
        /** Drawing and preparing the batch, closing the previous one, zeroing the gradients. */
        DATA,
        /** The forward pass and the loss. */
        FORWARD,
        /** The backward pass. */
        BACKWARD,
        /** The listeners (running loss and accuracy, progress, cost) and reading the loss to check it. */
        METRICS,
        /** Freeing the arrays the step created. */
        FREE,
        /** The gradient transforms (masked gradients, clipping) and the optimizer. */
        UPDATE,
        /** The after-step hooks: re-applying the mask first, then the method's own (clamping, freezing). */
        AFTER_STEP,
        /** Strict mode's check of every array after the update (nothing when not strict). */
        CHECKS,
        /** Evaluating on the test set at the evaluation points. */
        EVALUATION
    }

    private final int warmup;
    private final long[] nanos = new long[Phase.values().length];
    private int steps;
    private int seen;
    private long last;

    /**
     * @param warmup the steps at the start of the run that are not counted (the first steps of a
     *     run allocate what the later ones reuse)
     */
    public StepTimes(int warmup) {
        if (warmup < 0) {
            throw new IllegalArgumentException("the warm-up steps must be ≥ 0, got " + warmup);
        }
        this.warmup = warmup;
    }

    /** Starts the clock: called by the loop before its first step. */
    void start() {
        last = System.nanoTime();
    }

    /** Charges the time since the previous mark to {@code phase}, if the warm-up is over. */
    void mark(Phase phase) {
        long now = System.nanoTime();
        if (seen >= warmup) {
            nanos[phase.ordinal()] += now - last;
        }
        last = now;
    }

    /** Counts a finished step (its evaluation, if any, still to come). */
    void stepDone() {
        if (seen++ >= warmup) {
            steps++;
        }
    }

    /** @return the counted steps */
    public int steps() {
        return steps;
    }

    /**
     * @param phase a phase
     * @return the seconds the counted steps spent in it
     */
    public double seconds(Phase phase) {
        return nanos[phase.ordinal()] / 1e9;
    }

    /** @return the seconds of the counted steps, every phase included */
    public double totalSeconds() {
        long sum = 0;
        for (long n : nanos) {
            sum += n;
        }
        return sum / 1e9;
    }

    /** @return every phase's milliseconds per counted step, in step order (NaN before a step is counted) */
    public Map<Phase, Double> millisPerStep() {
        Map<Phase, Double> perStep = new EnumMap<>(Phase.class);
        for (Phase phase : Phase.values()) {
            perStep.put(phase, steps == 0 ? Double.NaN : seconds(phase) * 1e3 / steps);
        }
        return perStep;
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format("%d steps, %.3f ms per step:", steps,
                steps == 0 ? Double.NaN : totalSeconds() * 1e3 / steps));
        millisPerStep().forEach((phase, ms) -> text.append(String.format(" %s %.3f", phase.name().toLowerCase(), ms)));
        return text.toString();
    }
}
