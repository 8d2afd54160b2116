package org.lotterylab.imc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.lotterylab.hessian.Spectrum;

/**
 * How much a weight belongs to a set S of eigenvectors v_j of the Hessian: the two readings the
 * reconstruction compares. Both are sums over the rows of the eigenvector matrix, so weight i's
 * score is read off the i-th coordinate of each retained mode.
 */
public enum Leverage {

    /** ℓ_i = Σ_{j∈S} v_j(i)²: the share of coordinate i inside the subspace (statistical leverage, in [0, 1]). */
    SUBSPACE,

    /** ℓ_i = Σ_{j∈S} |λ_j|·v_j(i)²: the same, each mode weighted by its rate |λ_j| (a partial diagonal of |H|). */
    RATE;

    /**
     * @param spectrum the eigenpairs
     * @param modes indices of the retained eigenpairs in the spectrum's ascending order
     * @return one score per coordinate, a 1-D float32 array on the spectrum's device
     */
    public NDArray scores(Spectrum spectrum, int[] modes) {
        if (modes.length == 0) {
            throw new IllegalArgumentException("leverage needs at least one retained eigenvector");
        }
        NDArray vectors = spectrum.vectors();
        long[] rows = new long[modes.length];
        float[] rates = new float[modes.length];
        double[] values = spectrum.values();
        for (int k = 0; k < modes.length; k++) {
            rows[k] = modes[k];
            rates[k] = this == RATE ? (float) Math.abs(values[modes[k]]) : 1f;
        }
        try (NDArray index = vectors.getManager().create(rows);
                NDArray selected = vectors.get(new NDIndex("{}", index));
                NDArray weights = vectors.getManager().create(rates, new Shape(modes.length, 1));
                NDArray weighted = selected.square().mul(weights)) {
            return weighted.sum(new int[] {0}).toType(DataType.FLOAT32, false);
        }
    }
}
