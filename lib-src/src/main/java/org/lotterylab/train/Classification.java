package org.lotterylab.train;

import ai.djl.nn.Block;
import ai.djl.training.evaluator.Accuracy;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.function.Function;
import org.lotterylab.nn.Net;

/**
 * Classification ({@link Objective#classification()}): softmax cross-entropy of integer labels,
 * accuracy beside it.
 *
 * @param forward the block that computes the logits of a net
 */
record Classification(Function<Net, Block> forward) implements Objective {

    @Override
    public Block block(Net net) {
        return forward.apply(net);
    }

    @Override
    public Loss loss() {
        return Loss.softmaxCrossEntropyLoss();
    }

    @Override
    public List<Evaluator> evaluators() {
        return List.of(new Accuracy());
    }
}
