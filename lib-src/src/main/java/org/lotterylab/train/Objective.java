package org.lotterylab.train;

import ai.djl.nn.Block;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import java.util.List;
import org.lotterylab.nn.Net;

/**
 * What a training step minimises: the DJL {@link Block} it runs forward, the {@link Loss} of its
 * outputs, the metrics reported beside the loss, and the batch it trains on.
 *
 * <pre>{@code
 * Training.with(config).fit(net, train, test);                                  // classification(): the default
 * Training.with(config).minimising(Objective.classification(scored.block()))   // through score-gated weights
 * }</pre>
 *
 * <p>A method with another loss (masked-language-model pre-training) implements its own.
 */
public interface Objective {

    /**
     * @param net the net being trained
     * @return the block a step runs forward, e.g. the net's own
     */
    Block block(Net net);

    /** @return the loss a step minimises; it is also reported */
    Loss loss();

    /** @return the metrics reported beside the loss, e.g. accuracy (may be none) */
    List<Evaluator> evaluators();

    /**
     * The batch a step trains on, made from the batch drawn: the batch itself unless the objective
     * changes it (masked-language modelling corrupts tokens). A new batch must live on the drawn
     * batch's manager, which is closed after the step.
     *
     * @param drawn the batch the epoch order drew
     * @return the batch to forward and score
     */
    default Batch prepare(Batch drawn) {
        return drawn;
    }

    /** @return softmax cross-entropy of the net's own block, with accuracy beside it */
    static Objective classification() {
        return new Classification(Net::block);
    }

    /**
     * @param block computes the net's outputs another way, e.g. through a scored net's gates; its
     *     parameters are the net's
     * @return softmax cross-entropy of that block, with accuracy beside it
     */
    static Objective classification(Block block) {
        return new Classification(net -> block);
    }
}
