package org.lotterylab.cost;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.ArrayList;
import java.util.List;

/**
 * Counts passes and wall-clock time. As a DJL training listener it meters any training that takes
 * listeners ({@code Training.listeners(meter)}, {@code Imp.listeners(meter)}; GEM-MINER, edge-popup
 * and BiP meter themselves so): one pass per training batch, the time from the start to the end of
 * each training, and each training's own cost ({@link #segments()}: the rounds of IMP). Work that
 * is not a training (pruning at initialisation) is timed with {@link #start()} and {@link #stop()}.
 *
 * <pre>{@code
 * CostMeter meter = new CostMeter();
 * Training.with(config).listeners(meter).fit(net, train, test);
 * Cost cost = meter.total();
 * }</pre>
 */
public final class CostMeter extends TrainingListenerAdapter {

    private long passes;
    private long nanos;
    private long startedAt = -1;
    private long passesAtStart;
    private final List<Cost> segments = new ArrayList<>();

    /** Starts the clock (again). */
    public void start() {
        startedAt = System.nanoTime();
        passesAtStart = passes;
    }

    /** Stops the clock and adds the time since {@link #start()}. */
    public void stop() {
        if (startedAt < 0) {
            throw new IllegalStateException("the meter was stopped without being started");
        }
        long elapsed = System.nanoTime() - startedAt;
        nanos += elapsed;
        segments.add(new Cost(passes - passesAtStart, elapsed / 1e9));
        startedAt = -1;
    }

    /** @return the passes and seconds so far (a running clock counts up to now) */
    public Cost total() {
        long running = startedAt < 0 ? 0 : System.nanoTime() - startedAt;
        return new Cost(passes, (nanos + running) / 1e9);
    }

    /** @return the cost of each start–stop segment (each training), in order */
    public List<Cost> segments() {
        return List.copyOf(segments);
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        start();
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        passes++;
    }

    @Override
    public void onTrainingEnd(Trainer trainer) {
        stop();
    }
}
