package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.bert.Bert;
import org.lotterylab.bert.BertConfig;
import org.lotterylab.nn.Net;
import org.lotterylab.runs.Run;
import org.lotterylab.runs.RunStore;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.TrainingConfig;

class MlmPretrainingTest {

    static final BertConfig TOY = new BertConfig(40, 16, 1, 2, 32, 16, 2, 1e-12f);
    private static final int ROWS = 32;
    private static final int LENGTH = 12;

    private static final Set<Long> SPECIALS = Set.of(CompactVocabulary.PAD, CompactVocabulary.CLS,
            CompactVocabulary.SEP, CompactVocabulary.MASK, CompactVocabulary.UNK);

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** Rows [CLS] a a+1 a+2 ... [SEP]: each token predicts its neighbours, so the loss can fall fast. */
    static NDList corpus(NDManager manager) {
        long[] ids = new long[ROWS * LENGTH];
        for (int r = 0; r < ROWS; r++) {
            for (int t = 0; t < LENGTH; t++) {
                ids[r * LENGTH + t] = t == 0 ? CompactVocabulary.CLS : t == LENGTH - 1 ? CompactVocabulary.SEP : 5 + (r + t) % 30;
            }
        }
        Shape shape = new Shape(ROWS, LENGTH);
        return new NDList(manager.create(ids, shape), manager.zeros(shape, DataType.INT64),
                manager.ones(shape, DataType.INT64));
    }

    private static MlmPretraining pretraining() {
        var config = TrainingConfig.defaults().withOptimizer(OptimizerKind.ADAMW, 1e-2).withWeightDecay(0.01)
                .withEpochs(4).withBatchSize(8);
        return MlmPretraining.with(config, MlmMasking.bert(CompactVocabulary.MASK, TOY.vocabSize(), SPECIALS)).tracing(NearZero.below(1e-3, 1e-2), 8);
    }

    @Test
    void tracesTheNearZeroMassAndLearns() {
        Net net = Bert.maskedLm(TOY).initialize(manager, 1);
        SparsityTrace trace = pretraining().fit(net, corpus(manager));
        assertEquals(List.of(1e-3, 1e-2), trace.thresholds());
        assertEquals(List.of(0, 2, 4, 6, 8, 10, 12, 14, 16), trace.points().stream().map(SparsityTrace.Point::iteration).toList());
        double first = trace.points().get(1).loss();
        double last = trace.points().get(trace.points().size() - 1).loss();
        assertTrue(last < first, "the masked-LM loss falls: " + first + " → " + last);
        for (SparsityTrace.Point point : trace.points()) {
            assertTrue(point.nearZero().get(0) <= point.nearZero().get(1), "a larger threshold counts more weights");
        }
        assertEquals(trace.points().get(0).nearZero(), List.copyOf(NearZero.below(1e-3, 1e-2).fractions(
                Bert.maskedLm(TOY).initialize(manager, 1)).values()), "the first point is the initialisation");
    }

    @Test
    void aStoredRunIsLoadedNotTrainedAgain(@TempDir Path dir) {
        Run run = RunStore.at(dir).experiment("mlm").run(new Name("toy"));
        Net trained = Bert.maskedLm(TOY).initialize(manager, 1);
        SparsityTrace trace = pretraining().storedIn(run).fit(trained, corpus(manager));
        Net loaded = Bert.maskedLm(TOY).initialize(manager, 2);
        assertEquals(trace, pretraining().storedIn(run).fit(loaded, corpus(manager)));
        NDArray a = trained.parameter("encoder.layer.0.attention.self.query.weight").getArray();
        NDArray b = loaded.parameter("encoder.layer.0.attention.self.query.weight").getArray();
        assertTrue(a.contentEquals(b), "the loaded net has the trained weights");
    }

    /** A run's configuration. */
    record Name(String name) {
    }
}
