package org.lotterylab.hessian;

import org.ejml.data.DMatrixRMaj;

/**
 * The loss of {@link TinyProblems#tanhMlp()} written out in double precision, independently of
 * DJL: mean softmax cross-entropy of W2·tanh(W1·x + b1) + b2, with its analytic gradient over
 * (W1, W2). Central differences of that gradient at h = 1e-5 give the Hessian to about 1e-10.
 */
final class TanhMlpReference {

    private final double[] b1;
    private final double[] b2;
    private final double[][] x;
    private final int[] y;
    private final int f;
    private final int h;
    private final int c;

    TanhMlpReference(double[] b1, double[] b2, double[][] x, int[] y, int features, int hidden, int classes) {
        this.b1 = b1;
        this.b2 = b2;
        this.x = x;
        this.y = y;
        this.f = features;
        this.h = hidden;
        this.c = classes;
    }

    /** @return the number of weights: W1 (h×f) then W2 (c×h), row-major */
    int dimension() {
        return h * f + c * h;
    }

    /** The gradient of the mean loss over (W1, W2) at θ. */
    double[] gradient(double[] theta) {
        double[] g = new double[dimension()];
        int w2 = h * f;
        for (int n = 0; n < x.length; n++) {
            double[] hidden = new double[h];
            for (int j = 0; j < h; j++) {
                double a = b1[j];
                for (int i = 0; i < f; i++) {
                    a += theta[j * f + i] * x[n][i];
                }
                hidden[j] = Math.tanh(a);
            }
            double[] z = new double[c];
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < c; k++) {
                z[k] = b2[k];
                for (int j = 0; j < h; j++) {
                    z[k] += theta[w2 + k * h + j] * hidden[j];
                }
                max = Math.max(max, z[k]);
            }
            double sum = 0;
            for (int k = 0; k < c; k++) {
                sum += Math.exp(z[k] - max);
            }
            double[] dz = new double[c];
            for (int k = 0; k < c; k++) {
                dz[k] = (Math.exp(z[k] - max) / sum - (k == y[n] ? 1 : 0)) / x.length;
            }
            for (int k = 0; k < c; k++) {
                for (int j = 0; j < h; j++) {
                    g[w2 + k * h + j] += dz[k] * hidden[j];
                }
            }
            for (int j = 0; j < h; j++) {
                double dh = 0;
                for (int k = 0; k < c; k++) {
                    dh += theta[w2 + k * h + j] * dz[k];
                }
                double da = dh * (1 - hidden[j] * hidden[j]);
                for (int i = 0; i < f; i++) {
                    g[j * f + i] += da * x[n][i];
                }
            }
        }
        return g;
    }

    /** The Hessian at θ, column by column from central differences of the analytic gradient. */
    DMatrixRMaj hessian(double[] theta) {
        int d = dimension();
        double step = 1e-5;
        DMatrixRMaj result = new DMatrixRMaj(d, d);
        for (int col = 0; col < d; col++) {
            double[] plus = theta.clone();
            double[] minus = theta.clone();
            plus[col] += step;
            minus[col] -= step;
            double[] gp = gradient(plus);
            double[] gm = gradient(minus);
            for (int row = 0; row < d; row++) {
                result.set(row, col, (gp[row] - gm[row]) / (2 * step));
            }
        }
        return result;
    }
}
