package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.GradientCollector;
import ai.djl.training.listener.TrainingListener.BatchData;
import ai.djl.training.EasyTrain;
import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/**
 * The iterations of one training run. Each step is the forward and backward pass (as DJL's
 * {@link EasyTrain#trainBatch}, on the one device the net lives on), a check of the loss
 * ({@link DivergenceGuard}), then the masked gradients are zeroed, then the optimizer steps, then
 * the mask is applied again. Batches of {@code config.batchSize()} are drawn in an
 * {@link EpochOrder}, not in the data set's own order.
 *
 * <p>Zeroing the gradient alone is not enough: momentum, Adam's moments or weight decay would still
 * move a pruned weight. Re-applying the mask after the step is what guarantees exact zeros; zeroing
 * first keeps the optimizer's state for pruned weights from filling up with gradients that can
 * never be used. DJL's {@code Trainer.step()} has no hook after the update, hence this loop.
 */
final class TrainingLoop {

    private final Trainer trainer;
    private final Net net;
    private final Optional<Mask> mask;
    private final TrainingConfig config;
    private final int perEpoch;
    private final List<WeightSnapshot> snapshots;
    private final DivergenceGuard guard;
    private final List<Evaluation> evaluations = new ArrayList<>();

    TrainingLoop(Trainer trainer, Net net, Optional<Mask> mask, TrainingConfig config, int perEpoch,
            List<WeightSnapshot> snapshots, DivergenceGuard guard) {
        this.trainer = trainer;
        this.guard = guard;
        this.snapshots = snapshots;
        this.net = net;
        this.mask = mask;
        this.config = config;
        this.perEpoch = perEpoch;
    }

    TrainingHistory run(RandomAccessDataset train, Dataset test, int start, int total) {
        int iteration = start;
        try {
            for (int epoch = start / perEpoch; iteration < total; epoch++) {
                // A run rewound to mid-epoch passes over the batches the original took before it.
                int skip = epoch == start / perEpoch ? start % perEpoch : 0;
                Sampler order = new BatchSampler(new EpochOrder(config.seed(), epoch), config.batchSize(), false);
                for (Batch batch : train.getData(trainer.getManager(), order)) {
                    try (batch) {
                        if (skip > 0) {
                            skip--;
                            continue;
                        }
                        snapshot(iteration);
                        step(batch, iteration);
                    }
                    iteration++;
                    if (iteration == total || config.evaluateEvery() > 0 && iteration % config.evaluateEvery() == 0) {
                        evaluate(test, iteration);
                    }
                    if (iteration == total) {
                        break;
                    }
                }
                if (config.evaluateEvery() == 0 && iteration < total) {
                    evaluate(test, iteration);
                }
            }
            snapshot(iteration);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the data set", e);
        } catch (TranslateException e) {
            throw new IllegalStateException("cannot batch the data set: " + e.getMessage(), e);
        }
        return new TrainingHistory(evaluations);
    }

    private void snapshot(int iteration) {
        snapshots.forEach(snapshot -> snapshot.reach(iteration));
    }

    private void step(Batch batch, int iteration) {
        NDList labels = batch.getLabels();
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDList predictions = trainer.forward(batch.getData(), labels);
            NDArray loss = trainer.getLoss().evaluate(labels, predictions);
            collector.backward(loss);
            BatchData data = new BatchData(batch, Map.of(loss.getDevice(), labels), Map.of(loss.getDevice(), predictions));
            trainer.notifyListeners(listener -> listener.onTrainingBatch(trainer, data));
            // Reading the loss synchronises with the device once per step: the price of stopping at the bad step.
            guard.afterBackward(iteration, loss.getFloat());
        }
        mask.ifPresent(this::zeroMaskedGradients);
        trainer.step();
        mask.ifPresent(m -> m.applyTo(net));
        guard.afterUpdate(iteration);
    }

    private void zeroMaskedGradients(Mask m) {
        for (String name : m.names()) {
            try (NDArray gradient = net.parameter(name).getArray().getGradient()) {
                gradient.muli(m.get(name));
            }
        }
    }

    private void evaluate(Dataset test, int iteration) throws IOException, TranslateException {
        EasyTrain.evaluateDataset(trainer, test);
        // DJL's evaluator listener closes a measurement period at each "epoch" notification.
        trainer.notifyListeners(listener -> listener.onEpoch(trainer));
        TrainingResult result = trainer.getTrainingResult();
        guard.afterEvaluation(iteration, result.getValidateLoss());
        evaluations.add(new Evaluation(iteration, (double) iteration / perEpoch, result.getTrainLoss(),
                result.getTrainEvaluation("Accuracy"), result.getValidateLoss(), result.getValidateEvaluation("Accuracy")));
    }
}
