package org.lotterylab.scores;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;
import org.lotterylab.nn.Net;
import org.lotterylab.train.EpochOrder;

/**
 * The pieces every score-training method is made of: the batches of an epoch, one gated
 * forward+backward pass, and an optimizer step over named arrays. Methods (GEM-MINER, edge-popup,
 * BiP) differ only in what they step and what they do between steps.
 */
public final class ScoreLoop {

    private static final Loss LOSS = Loss.softmaxCrossEntropyLoss();

    private ScoreLoop() {}

    /**
     * Calls {@code each} with the batches of one epoch, in the order the library's training loop
     * uses ({@link EpochOrder}), so that methods compared at equal budgets see the same data.
     *
     * @param data the training set
     * @param net the net the batches are for (its manager owns them while they live)
     * @param batchSize samples per batch
     * @param seed the training seed
     * @param epoch the epoch's number, from 0
     * @param each called with every batch, which is closed after the call
     */
    public static void epoch(RandomAccessDataset data, Net net, int batchSize, long seed, int epoch,
            Consumer<Batch> each) {
        try (NDManager scratch = net.manager().newSubManager()) {
            for (Batch batch : data.getData(scratch, new BatchSampler(new EpochOrder(seed, epoch), batchSize, false))) {
                try (batch) {
                    each.accept(batch);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data set", e);
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot batch the data set: " + e.getMessage(), e);
        }
    }

    /**
     * One forward+backward pass of the gated net in training mode with softmax cross-entropy.
     * Every gradient (weights, biases, normalisation, scores) is zeroed first, so after the call
     * they hold this batch's gradient alone.
     *
     * @param net the scored net
     * @param batch the batch
     * @return the batch's mean loss
     */
    public static float backward(ScoredNet net, Batch batch) {
        zeroGradients(net);
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            try (GradientCollector collector = net.net().manager().getEngine().newGradientCollector()) {
                NDList inputs = batch.getData().toDevice(net.net().manager().getDevice(), false);
                NDList labels = batch.getLabels().toDevice(net.net().manager().getDevice(), false);
                NDArray loss = LOSS.evaluate(labels, net.forward(inputs, true));
                collector.backward(loss);
                return loss.getFloat();
            }
        }
    }

    /**
     * Steps every array with its gradient.
     *
     * @param optimizer a DJL optimizer; its state is kept per array under {@code prefix + name}
     * @param prefix tells apart arrays of the same name, e.g. {@code "scores:"}
     * @param arrays the arrays, by name
     */
    public static void step(Optimizer optimizer, String prefix, Map<String, NDArray> arrays) {
        arrays.forEach((name, array) -> {
            try (NDArray gradient = array.getGradient()) {
                optimizer.update(prefix + name, array, gradient);
            }
        });
    }

    private static void zeroGradients(ScoredNet net) {
        for (Parameter p : net.net().parameters().values()) {
            if (p.requiresGradient()) {
                zero(p.getArray());
            }
        }
        net.scores().values().forEach(ScoreLoop::zero);
    }

    private static void zero(NDArray array) {
        try (NDArray gradient = array.getGradient()) {
            gradient.subi(gradient);
        }
    }
}
