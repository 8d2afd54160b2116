package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;
import org.lotterylab.train.EpochOrder;

/**
 * Recomputes BatchNorm's running statistics for the weights a net has now, without learning
 * anything: a mask chosen at initialisation changes every layer's output distribution, and
 * statistics gathered for other weights (or none at all) would misjudge the subnetwork's
 * accuracy "before any weight training". Nets without BatchNorm are left as they are.
 */
public final class BatchNormCalibration {

    private BatchNormCalibration() {}

    /**
     * Resets the running means to 0 and variances to 1, then runs {@code batches} training batches
     * forward in training mode (no gradient, no weight changes), so the statistics follow the data.
     *
     * @param net the net, with its mask applied
     * @param data training data
     * @param batchSize samples per batch
     * @param batches how many batches; with BatchNorm's momentum 0.9, n batches leave 0.9^n of the
     *     reset values (12% after 20, 1.5% after 40)
     * @param seed the order of the batches, as training draws them ({@link EpochOrder})
     */
    public static void recalibrate(Net net, RandomAccessDataset data, int batchSize, int batches, long seed) {
        Map<String, NDArray> reset = new LinkedHashMap<>();
        net.parameters().forEach((name, p) -> {
            if (p.getType() == Parameter.Type.RUNNING_MEAN) {
                reset.put(name, p.getArray().zerosLike());
            } else if (p.getType() == Parameter.Type.RUNNING_VAR) {
                reset.put(name, p.getArray().onesLike());
            }
        });
        if (reset.isEmpty()) {
            return;
        }
        net.load(reset);
        reset.values().forEach(NDArray::close);
        int seen = 0;
        for (int epoch = 0; seen < batches; epoch++) {
            int before = seen;
            try (NDManager scratch = net.manager().newSubManager()) {
                for (Batch batch : new EpochOrder(seed, epoch).batches(data, scratch, batchSize)) {
                    try (batch; NDScope scope = new NDScope()) {
                        scope.suppressNotUsedWarning();
                        net.forward(batch.getData().toDevice(net.manager().getDevice(), false), true);
                    }
                    if (++seen == batches) {
                        break;
                    }
                }
            }
            if (seen == before) {
                throw new IllegalArgumentException("the data set has no batch to calibrate BatchNorm with");
            }
        }
    }
}
