package org.lotterylab.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ZooModel;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Prune;

/** The imported all-MiniLM-L6-v2, checked where {@code environment/lab data} has fetched it. */
class MiniLmTest {

    private static final int SENTENCES = 120;
    private static final int MAX_LENGTH = 128;

    private static NDManager manager;
    private static Net minilm;

    @BeforeAll
    static void load() {
        Fetched.minilm("model.onnx");
        manager = NDManager.newBaseManager();
        minilm = MiniLm.pretrained(manager);
    }

    @AfterAll
    static void close() {
        if (manager != null) {
            manager.close();
        }
    }

    @Test
    void tokenEmbeddingsMatchOnnxRuntime() {
        List<String> texts = Sentences.generate(SENTENCES, 6);
        try (BertTokenizer tokenizer = BertTokenizer.miniLm(); OnnxRuntimeMiniLm reference = OnnxRuntimeMiniLm.load();
                NDManager batch = manager.newSubManager()) {
            NDList inputs = tokenizer.encode(batch, texts, MAX_LENGTH);
            NDArray expected = reference.tokenEmbeddings(inputs);
            Net tokens = Bert.tokenEncoder(minilm, batch);
            NDArray actual = tokens.forward(inputs, false).head();
            NDArray real = inputs.get(2).toType(DataType.FLOAT32, false).expandDims(-1);
            float diff = actual.sub(expected).abs().mul(real).max().getFloat();
            System.out.printf("max |DJL - ONNX Runtime| over the real tokens of %d sentences: %.3g%n", SENTENCES, diff);
            // Padding is multiplied by exact zeros on both sides; the real tokens differ by the two engines' rounding.
            long length = inputs.get(0).getShape().get(1);
            Float32Bound.assertWithinProbabilisticBound(actual.mul(real), expected.mul(real),
                    2 * Float32Bound.bertTerms(BertConfig.miniLmL6(), length, false), "DJL against ONNX Runtime");
        }
    }

    @Test
    void theEncoderMatricesArePrunable() {
        assertEquals(36, minilm.prunableNames().size());
        long weights = minilm.prunableParameters().values().stream().mapToLong(p -> p.getArray().size()).sum();
        assertEquals(10_616_832, weights);
        // Pruning masks the weights it prunes: work on a copy, which the random criterion ignores anyway.
        Net copy = minilm.copy(manager);
        try (Mask magnitude = Prune.magnitude().global().prune(copy, Mask.ones(copy), 0.6);
                Mask random = Prune.random(1).global().prune(copy, Mask.ones(copy), 0.6)) {
            assertEquals(0.4, magnitude.density(), 1e-6);
            assertEquals(0.4, random.density(), 1e-6);
        }
    }

    @Test
    void nOfMKeepsExactlyNInEveryGroupOfMInputs() {
        for (int[] pattern : new int[][] {{2, 4}, {3, 4}, {4, 8}}) {
            int n = pattern[0];
            int m = pattern[1];
            try (Mask mask = Prune.nOfM(n, m).prune(minilm, Mask.ones(minilm))) {
                assertEquals((double) n / m, mask.density(), 1e-12);
                for (String name : mask.names()) {
                    Shape shape = mask.get(name).getShape();
                    NDArray groups = mask.get(name).reshape(shape.get(0), shape.get(1) / m, m);
                    assertTrue(groups.sum(new int[] {2}).eq(n).all().getBoolean(), name);
                }
            }
        }
    }

    @Test
    void theZooServesTheModelAndPyTorchStaysTheDefaultEngine() throws Exception {
        assertEquals("PyTorch", Engine.getInstance().getEngineName());
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optGroupId(PretrainedZoo.GROUP_ID).optArtifactId(MiniLm.NAME).build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel(); BertTokenizer tokenizer = BertTokenizer.miniLm();
                var predictor = model.newPredictor(); NDManager batch = manager.newSubManager()) {
            NDList inputs = tokenizer.encode(batch, List.of("spam or ham?"), MAX_LENGTH);
            NDArray served = predictor.predict(inputs).head();
            // The same float32 computation twice: only the rounding of each pass may differ.
            Float32Bound.assertWithinProbabilisticBound(served, minilm.forward(inputs, false).head(),
                    2 * Float32Bound.bertTerms(BertConfig.miniLmL6(), inputs.get(0).getShape().get(1), true),
                    "the zoo's model against the loaded one");
        }
    }

    @Test
    void theZoosModelBecomesANetWithTheSameWeights() throws Exception {
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optGroupId(PretrainedZoo.GROUP_ID).optArtifactId(MiniLm.NAME).build();
        try (ZooModel<NDList, NDList> model = criteria.loadModel(); NDManager copy = manager.newSubManager()) {
            Net net = MiniLm.of(model, copy);
            assertEquals(minilm.parameters().keySet(), net.parameters().keySet());
            // A copy, not a computation: every weight is bit for bit the loaded one.
            minilm.parameters().forEach((name, p) -> assertTrue(p.getArray().contentEquals(net.parameter(name).getArray()), name));
        }
    }
}
