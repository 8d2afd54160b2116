package org.lotterylab.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;

/** The BERT blocks on a toy configuration: names, prunable set, masking, heads and training. */
class BertTest {

    private static final int VOCAB = 50;
    private static final BertConfig TOY = BertConfig.tiny(VOCAB);

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    /** Token ids [B, T] → the three inputs, with the given number of real tokens per row. */
    private NDList inputs(long[][] ids, int... lengths) {
        int t = ids[0].length;
        long[] flat = new long[ids.length * t];
        long[] mask = new long[ids.length * t];
        for (int i = 0; i < ids.length; i++) {
            System.arraycopy(ids[i], 0, flat, i * t, t);
            for (int j = 0; j < lengths[i]; j++) {
                mask[i * t + j] = 1;
            }
        }
        Shape shape = new Shape(ids.length, t);
        return new NDList(manager.create(flat, shape), manager.zeros(shape, DataType.INT64), manager.create(mask, shape));
    }

    @Test
    void parametersHaveHuggingFaceNamesAndOnlyEncoderMatricesArePrunable() {
        Net net = Bert.maskedLm(TOY).initialize(manager, 1);
        assertTrue(net.parameters().containsKey("embeddings.word_embeddings.weight"));
        assertTrue(net.parameters().containsKey("encoder.layer.1.attention.output.LayerNorm.bias"));
        assertTrue(net.parameters().containsKey("cls.predictions.decoder.weight"));
        List<String> layer0 = List.of("attention.self.query", "attention.self.key", "attention.self.value",
                "attention.output.dense", "intermediate.dense", "output.dense");
        assertEquals(layer0.stream().map(n -> "encoder.layer.0." + n + ".weight").toList(), net.prunableNames().subList(0, 6));
        assertEquals(6 * TOY.layers(), net.prunableNames().size());
        assertEquals("cls.predictions.decoder.weight", net.outputLayer());
        assertEquals(new Shape(TOY.intermediate(), TOY.hidden()), net.parameter("encoder.layer.0.intermediate.dense.weight").getShape());
    }

    @Test
    void paddingChangesNothingForTheRealTokens() {
        Net encoder = Bert.sentenceEncoder(TOY).initialize(manager, 2);
        NDArray alone = encoder.forward(inputs(new long[][] {{2, 7, 9, 3}}, 4), false).head();
        NDArray padded = encoder.forward(inputs(new long[][] {{2, 7, 9, 3, 0, 0}, {2, 5, 6, 8, 11, 3}}, 4, 6), false).head();
        assertEquals(new Shape(2, TOY.hidden()), padded.getShape());
        // Padding gets exactly zero attention and pooling weight, so only the rounding of the sums over 4 and 6 tokens differs.
        Float32Bound.assertWithinProbabilisticBound(padded.get(0), alone.get(0),
                Float32Bound.bertTerms(TOY, 4, true) + Float32Bound.bertTerms(TOY, 6, true), "the padded sentence");
    }

    @Test
    void theWrittenOutSoftmaxMatchesPyTorchsAndGivesPaddingNothing() {
        int keys = 8;
        int padded = 3;
        NDArray scores = manager.randomNormal(new Shape(4, 2, keys, keys)).mul(5);
        float[] columns = new float[keys];
        java.util.Arrays.fill(columns, keys - padded, keys, -Float.MAX_VALUE);
        NDArray masked = scores.add(manager.create(columns));
        NDArray ours = SelfAttention.softmax(masked);
        NDArray fused = masked.softmax(-1);
        assertEquals(0f, ours.get(":, :, :, " + (keys - padded) + ":").abs().max().getFloat(), "padding gets no attention");
        // Both shift by the same maximum (identical roundings); each then rounds exp (PyTorch's fast exp:
        // up to 20 ulp), a sum of `keys` terms and a division.
        double relative = 2 * (20 + 1) * Float32Bound.UNIT_ROUNDOFF + 2 * Float32Bound.gamma(keys);
        Float32Bound.assertWithin(ours, fused, fused.mul(relative), "the written-out softmax");
    }

    @Test
    void geluIsTheExactFormNotTheTanhApproximation() {
        float[] xs = new float[241];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -6 + 0.05f * i;
        }
        float[] ours = Gelu.apply(manager.create(xs)).toFloatArray();
        for (int i = 0; i < xs.length; i++) {
            double x = xs[i];
            double exact = x / 2 * (1 + erf(x / Math.sqrt(2)));
            // A few roundings of a float32 erf and two products: relative to |x|, as the result's scale.
            double allowed = 16 * Float32Bound.UNIT_ROUNDOFF * Math.abs(x) + 1e-30;
            assertTrue(Math.abs(ours[i] - exact) <= allowed, "gelu(" + x + ") = " + ours[i] + ", exact " + exact);
        }
        // The tanh approximation differs from the exact form by up to 4.7e-4 (at x = 2.7): far outside the allowance.
        double x = 2.7;
        double tanhForm = x / 2 * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x)));
        assertTrue(Math.abs(tanhForm - x / 2 * (1 + erf(x / Math.sqrt(2)))) > 32 * Float32Bound.UNIT_ROUNDOFF * x);
    }

    /**
     * erf from its Maclaurin series (Java has none): for |z| ≤ 4.3 the largest term is below 2e8, so
     * cancellation costs at most ~1e-8, far below a float32 ulp of the GELU values compared.
     */
    private static double erf(double z) {
        double term = z;
        double sum = z;
        for (int n = 1; n < 200; n++) {
            term *= -z * z / n;
            sum += term / (2 * n + 1);
        }
        return 2 / Math.sqrt(Math.PI) * sum;
    }

    @Test
    void aClassifierStartsFromTheEncoderWithAFreshHead() {
        Net encoder = Bert.sentenceEncoder(TOY).initialize(manager, 3);
        Net classifier = Bert.classifier(encoder, 2, manager, 4);
        String query = "encoder.layer.1.attention.self.query.weight";
        assertEquals(encoder.parameter(query).getArray(), classifier.parameter(query).getArray());
        assertEquals("classifier.weight", classifier.outputLayer());
        assertEquals(encoder.prunableNames(), classifier.prunableNames());
        NDArray logits = classifier.forward(inputs(new long[][] {{2, 7, 3}}, 3), false).head();
        assertEquals(new Shape(1, 2), logits.getShape());
        Net mlm = Bert.maskedLm(TOY);
        assertThrows(IllegalStateException.class, () -> Bert.classifier(mlm, 2, manager, 4));
        Net mnist = Models.lenet300100(10);
        var notBert = assertThrows(IllegalArgumentException.class, () -> Bert.classifier(mnist, 2, manager, 4));
        assertTrue(notBert.getMessage().contains("lenet300100"), notBert.getMessage());
    }

    @Test
    void badSizesAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> new BertConfig(100, 30, 1, 4, 64, 16, 2, 1e-12f));
        assertTrue(e.getMessage().contains("multiple of heads"), e.getMessage());
        Net encoder = Bert.sentenceEncoder(new BertConfig(VOCAB, 8, 1, 2, 16, 4, 2, 1e-12f)).initialize(manager, 0);
        var tooLong = assertThrows(IllegalArgumentException.class,
                () -> encoder.forward(inputs(new long[][] {{1, 2, 3, 4, 5}}, 5), false));
        assertTrue(tooLong.getMessage().contains("4 positions"), tooLong.getMessage());
    }

    @Test
    void maskedLanguageModelLearnsAToyBatch() {
        Net mlm = Bert.maskedLm(TOY).initialize(manager, 5);
        long mask = 1;
        NDList batch = inputs(new long[][] {{2, 10, mask, 12, 3}, {2, 20, 21, mask, 3}}, 5, 5);
        NDArray targets = manager.create(new long[] {11, 22});
        NDArray where = manager.create(new long[] {2, 5 + 3});
        try (Model model = Model.newInstance("toy-mlm", manager.getDevice())) {
            model.setBlock(mlm.block());
            DefaultTrainingConfig config = new DefaultTrainingConfig(Loss.l2Loss())
                    .optOptimizer(Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build());
            try (Trainer trainer = model.newTrainer(config)) {
                float first = step(trainer, batch, where, targets);
                float last = first;
                for (int i = 0; i < 10; i++) {
                    last = step(trainer, batch, where, targets);
                }
                assertTrue(last < first * 0.8, "loss " + first + " -> " + last);
            }
        }
    }

    /**
     * One Adam step on the cross-entropy at the masked positions ({@code where}, indices into the
     * flattened batch); returns the loss before it.
     */
    private static float step(Trainer trainer, NDList batch, NDArray where, NDArray targets) {
        try (GradientCollector collector = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(batch).head().reshape(-1, VOCAB).get(where);
            NDArray loss = logits.logSoftmax(-1).mul(targets.oneHot(VOCAB)).sum().neg().div(targets.size());
            collector.backward(loss);
            trainer.step();
            return loss.getFloat();
        }
    }
}
