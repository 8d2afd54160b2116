package org.lotterylab.essential;

import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.dataset.Batch;
import ai.djl.training.evaluator.Evaluator;
import ai.djl.training.loss.Loss;
import ai.djl.translate.Batchifier;
import java.util.List;
import java.util.SplittableRandom;
import org.lotterylab.nn.Net;
import org.lotterylab.train.Objective;

/**
 * What masked-language-model pre-training minimises: each batch of (token ids, type ids, attention
 * mask) is corrupted afresh ({@link MlmMasking}), and the {@link MaskedLmLoss} scores the net's
 * vocabulary logits at the chosen positions. No accuracy is reported.
 *
 * <p>The corruption draws from one generator for the whole run, so one objective serves one run.
 */
final class MaskedLmObjective implements Objective {

    private final MlmMasking masking;
    private final SplittableRandom corruption;

    /**
     * @param masking how batches are corrupted
     * @param seed the seed of the corruption
     */
    MaskedLmObjective(MlmMasking masking, long seed) {
        this.masking = masking;
        this.corruption = new SplittableRandom(seed);
    }

    @Override
    public Block block(Net net) {
        return net.block();
    }

    @Override
    public Loss loss() {
        return new MaskedLmLoss();
    }

    @Override
    public List<Evaluator> evaluators() {
        return List.of();
    }

    /** @return (corrupted ids, type ids, attention mask) as data, (target ids, weights) as labels */
    @Override
    public Batch prepare(Batch drawn) {
        NDList tokens = drawn.getData();
        NDList corrupted = masking.apply(tokens.get(0), tokens.get(2), corruption);
        return new Batch(drawn.getManager(), new NDList(corrupted.get(0), tokens.get(1), tokens.get(2)),
                new NDList(corrupted.get(1), corrupted.get(2)), drawn.getSize(), Batchifier.STACK, Batchifier.STACK,
                drawn.getProgress(), drawn.getProgressTotal());
    }
}
