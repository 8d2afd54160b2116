package org.lotterylab.train;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.lotterylab.nn.Net;

/** Measures a net on a data set without a {@link ai.djl.training.Trainer}. */
public final class Evaluate {

    private static final String ALL = "all";

    private Evaluate() {}

    /**
     * @param net an initialised net (in inference mode: dropout off, BatchNorm uses its statistics)
     * @param data batches of inputs and integer labels
     * @return the fraction of correctly classified samples, in [0, 1]
     */
    public static double accuracy(Net net, Dataset data) {
        Accuracy accuracy = new Accuracy();
        accuracy.addAccumulator(ALL);
        try (NDManager scratch = net.manager().newSubManager()) {
            for (Batch batch : data.getData(scratch)) {
                try (batch) {
                    NDList predictions = net.forward(batch.getData(), false);
                    accuracy.updateAccumulator(ALL, batch.getLabels(), predictions);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data set", e);
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot batch the data set: " + e.getMessage(), e);
        }
        return accuracy.getAccumulator(ALL);
    }
}
