package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.bert.Bert;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.TrainingConfig;

class TokenizedTaskTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /**
     * Rows of [CLS] w w ... [SEP] of varying length, padded; spam rows use the word 7, ham rows the
     * word 8. The lengths vary so that embedding in length order must put every row back in place.
     */
    private NDList tokens(int rows, int offset) {
        int length = 10;
        long[] ids = new long[rows * length];
        long[] attention = new long[rows * length];
        for (int r = 0; r < rows; r++) {
            int real = 3 + (r * 7 + offset) % (length - 3);
            for (int t = 0; t < real; t++) {
                ids[r * length + t] = t == 0 ? CompactVocabulary.CLS : t == real - 1 ? CompactVocabulary.SEP : 7 + r % 2;
                attention[r * length + t] = 1;
            }
        }
        Shape shape = new Shape(rows, length);
        return new NDList(manager.create(ids, shape), manager.zeros(shape, DataType.INT64), manager.create(attention, shape));
    }

    private static List<TextTask.Example> examples(int rows) {
        List<TextTask.Example> examples = new ArrayList<>();
        for (int r = 0; r < rows; r++) {
            examples.add(new TextTask.Example(r % 2 == 1 ? "spam" : "ham", r % 2));
        }
        return examples;
    }

    private TokenizedTask task() {
        return new TokenizedTask(new TextTask("toy", examples(80), examples(40)), tokens(80, 0), tokens(40, 3));
    }

    @Test
    void theProbeSeparatesWordsThatDecideTheLabel() {
        Net encoder = Bert.sentenceEncoder(MlmPretrainingTest.TOY).initialize(manager, 3);
        assertEquals(1.0, task().probe(encoder), 1e-12, "each row's embedding must come back to its own label");
    }

    @Test
    void fineTuningKeepsTheMaskAndLeavesTheEncoderAlone() {
        Net encoder = Bert.sentenceEncoder(MlmPretrainingTest.TOY).initialize(manager, 3);
        var before = encoder.weights();
        try (Mask mask = OneShot.magnitude(0.5).prune(encoder)) {
            var config = TrainingConfig.defaults().withOptimizer(OptimizerKind.ADAMW, 1e-2).withEpochs(2).withBatchSize(16);
            double accuracy = task().fineTune(encoder, mask, config, 1);
            assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
            assertEquals(0.5, mask.sparsity(), 1e-3);
            assertEquals(0, mask.revivedIn(encoder), "the encoder itself is not trained");
        }
        encoder.load(before);
    }

    @Test
    void aSentenceEncoderCopiesTheTrunkOfAnyBertNet() {
        Net mlm = Bert.maskedLm(MlmPretrainingTest.TOY).initialize(manager, 5);
        Net encoder = Encoders.meanPooled(mlm, MlmPretrainingTest.TOY, manager);
        for (String name : encoder.parameters().keySet()) {
            assertTrue(encoder.parameter(name).getArray().contentEquals(mlm.parameter(name).getArray()), name);
        }
        assertEquals(mlm.prunableNames(), encoder.prunableNames());
    }
}
