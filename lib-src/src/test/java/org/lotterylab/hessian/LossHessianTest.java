package org.lotterylab.hessian;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lotterylab.nn.Net;

class LossHessianTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    private LossHessian hessian(Net net, Batch batch, HvpMethod method) {
        return LossHessian.of(net, List.of(batch), Loss.softmaxCrossEntropyLoss()::evaluate, net.prunableNames(), method);
    }

    @Test
    void productsMatchTheClosedFormHessianOfSoftmaxRegression() {
        Net net = TinyProblems.linear().initialize(manager, 1);
        Batch batch = TinyProblems.batch(manager, net, 16, 2);
        // H[(c,i),(c',j)] = mean over samples of (p_c δ_cc' − p_c p_c') x_i x_j, for W of shape (classes, features).
        double[] w = TinyProblems.doubles(net.parameter("fc.weight").getArray());
        double[] b = TinyProblems.doubles(net.parameter("fc.bias").getArray());
        double[] x = TinyProblems.doubles(batch.getData().head());
        int f = TinyProblems.FEATURES;
        int c = TinyProblems.CLASSES;
        int n = 16;
        DMatrixRMaj exact = new DMatrixRMaj(c * f, c * f);
        for (int s = 0; s < n; s++) {
            double[] p = new double[c];
            double sum = 0;
            for (int k = 0; k < c; k++) {
                double z = b[k];
                for (int i = 0; i < f; i++) {
                    z += w[k * f + i] * x[s * f + i];
                }
                p[k] = Math.exp(z);
                sum += p[k];
            }
            for (int k = 0; k < c; k++) {
                p[k] /= sum;
            }
            for (int k = 0; k < c; k++) {
                for (int l = 0; l < c; l++) {
                    double curvature = (k == l ? p[k] : 0) - p[k] * p[l];
                    for (int i = 0; i < f; i++) {
                        for (int j = 0; j < f; j++) {
                            exact.add(k * f + i, l * f + j, curvature * x[s * f + i] * x[s * f + j] / n);
                        }
                    }
                }
            }
        }
        for (HvpMethod method : HvpMethod.values()) {
            try (LossHessian h = hessian(net, batch, method)) {
                double error = TinyProblems.relativeError(Spectra.dense(h, manager), exact);
                assertTrue(error < 1e-3, method + ": relative error " + error);
            }
        }
    }

    @Test
    void productsMatchAnIndependentDoublePrecisionHessianOfATanhMlp() {
        Net net = TinyProblems.tanhMlp().initialize(manager, 3);
        int n = 12;
        Batch batch = TinyProblems.batch(manager, net, n, 4);
        double[] inputs = TinyProblems.doubles(batch.getData().head());
        long[] labelValues = batch.getLabels().head().toLongArray();
        double[][] x = new double[n][TinyProblems.FEATURES];
        int[] y = new int[n];
        for (int s = 0; s < n; s++) {
            System.arraycopy(inputs, s * TinyProblems.FEATURES, x[s], 0, TinyProblems.FEATURES);
            y[s] = (int) labelValues[s];
        }
        TanhMlpReference reference = new TanhMlpReference(TinyProblems.doubles(net.parameter("fc1.bias").getArray()),
                TinyProblems.doubles(net.parameter("fc2.bias").getArray()), x, y,
                TinyProblems.FEATURES, TinyProblems.HIDDEN, TinyProblems.CLASSES);
        double[] w1 = TinyProblems.doubles(net.parameter("fc1.weight").getArray());
        double[] w2 = TinyProblems.doubles(net.parameter("fc2.weight").getArray());
        double[] theta = new double[w1.length + w2.length];
        System.arraycopy(w1, 0, theta, 0, w1.length);
        System.arraycopy(w2, 0, theta, w1.length, w2.length);
        DMatrixRMaj exact = reference.hessian(theta);
        for (HvpMethod method : HvpMethod.values()) {
            try (LossHessian h = hessian(net, batch, method)) {
                assertEquals(reference.dimension(), h.dimension());
                double error = TinyProblems.relativeError(Spectra.dense(h, manager), exact);
                assertTrue(error < 1e-3, method + ": relative error " + error);
            }
        }
    }

    @Test
    void doubleBackpropAndFiniteDifferencesAgreeThroughConvolutionReluAndMaxPool() {
        Net net = TinyProblems.convReluPool().initialize(manager, 5);
        Batch batch = TinyProblems.batch(manager, net, 8, 6);
        try (LossHessian exact = hessian(net, batch, HvpMethod.DOUBLE_BACKPROP);
                LossHessian differences = hessian(net, batch, HvpMethod.FINITE_DIFFERENCES)) {
            NDArray u = RandomDirection.unit(exact.dimension(), 7, manager);
            NDArray v = RandomDirection.unit(exact.dimension(), 8, manager);
            NDArray hu = exact.times(u);
            NDArray hv = exact.times(v);
            double error = differences.times(v).sub(hv).norm().getDouble() / hv.norm().getDouble();
            assertTrue(error < 1e-4, "relative error " + error);
            // A Hessian is symmetric: ⟨u, Hv⟩ = ⟨v, Hu⟩.
            double uHv = u.dot(hv).getDouble();
            double vHu = v.dot(hu).getDouble();
            assertEquals(uHv, vHu, 1e-9 * Math.max(1, Math.abs(uHv)));
        }
    }

    @Test
    void theNetIsLeftUntouchedAndTheGradientIsTheLossGradient() {
        Net net = TinyProblems.tanhMlp().initialize(manager, 9);
        Batch batch = TinyProblems.batch(manager, net, 8, 10);
        Map<String, NDArray> before = net.weights();
        try (LossHessian h = LossHessian.of(net, List.of(batch))) {
            NDArray v = RandomDirection.unit(h.dimension(), 1, manager).toType(DataType.FLOAT32, false);
            assertEquals(DataType.FLOAT32, h.times(v).getDataType());
            assertEquals(1, h.products());
            NDArray g = h.gradient();
            assertEquals(h.dimension(), g.size());
            assertTrue(g.norm().getFloat() > 0);
        }
        before.forEach((name, value) -> assertArrayEquals(value.toFloatArray(),
                net.parameter(name).getArray().toFloatArray(), name));
    }

    @Test
    void aShiftedHessianIsTheHessianAtTheShiftedWeights() {
        Net net = TinyProblems.tanhMlp().initialize(manager, 11);
        Batch batch = TinyProblems.batch(manager, net, 8, 12);
        try (LossHessian h = LossHessian.of(net, List.of(batch))) {
            NDArray shift = RandomDirection.unit(h.dimension(), 2, manager).mul(0.5);
            NDArray v = RandomDirection.unit(h.dimension(), 3, manager);
            NDArray shiftedProduct;
            try (LossHessian shifted = h.at(shift)) {
                shiftedProduct = shifted.times(v);
            }
            Net moved = net.copy(manager);
            h.coordinates().unflatten(shift.toType(DataType.FLOAT32, false))
                    .forEach((name, part) -> moved.parameter(name).getArray().addi(part));
            try (LossHessian direct = LossHessian.of(moved, List.of(batch))) {
                NDArray expected = direct.times(v);
                assertTrue(shiftedProduct.sub(expected).norm().getDouble() < 1e-5 * expected.norm().getDouble());
                assertTrue(expected.sub(h.times(v)).norm().getDouble() > 1e-3 * expected.norm().getDouble(),
                        "the shift should change the Hessian of a tanh net");
            }
        }
    }

    @Test
    void badInputIsRefusedWithTheFix() {
        Net net = TinyProblems.tanhMlp().initialize(manager, 13);
        var empty = assertThrows(IllegalArgumentException.class, () -> LossHessian.of(net, List.of()));
        assertTrue(empty.getMessage().contains("batch"), empty.getMessage());
        try (LossHessian h = LossHessian.of(net, List.of(TinyProblems.batch(manager, net, 4, 14)))) {
            var wrong = assertThrows(IllegalArgumentException.class, () -> h.times(manager.zeros(new Shape(3))));
            assertTrue(wrong.getMessage().contains(String.valueOf(h.dimension())), wrong.getMessage());
        }
    }
}
