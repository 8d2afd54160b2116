package org.lotterylab.essential;

import ai.djl.training.Trainer;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.util.ArrayList;
import java.util.List;
import org.lotterylab.nn.Net;

/**
 * Builds a {@link SparsityTrace} as a DJL listener: the census of the initial weights when training
 * begins, then one at every evaluation point, with the mean training loss since the previous one.
 */
final class SparsityTraceListener extends TrainingListenerAdapter {

    private final Net net;
    private final NearZero census;
    private final List<SparsityTrace.Point> points = new ArrayList<>();
    private int iteration;

    /**
     * @param net the net being trained
     * @param census what to count
     */
    SparsityTraceListener(Net net, NearZero census) {
        this.net = net;
        this.census = census;
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        points.add(point(Double.NaN));
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        iteration++;
    }

    @Override
    public void onEpoch(Trainer trainer) {
        // DJL's evaluator listener, told first, averaged the loss over the steps since the previous point.
        Float loss = trainer.getTrainingResult().getTrainLoss();
        points.add(point(loss == null ? Double.NaN : loss));
    }

    private SparsityTrace.Point point(double loss) {
        return new SparsityTrace.Point(iteration, loss, List.copyOf(census.fractions(net).values()));
    }

    /** @return the points so far */
    SparsityTrace trace() {
        return new SparsityTrace(census.thresholds(), points);
    }
}
