package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

/**
 * Eigenpairs of a symmetric operator such as a {@link LossHessian}: the full decomposition (EJML)
 * for small operators, Lanczos with full reorthogonalisation for large ones.
 *
 * <pre>{@code
 * Spectrum all = Spectra.full(hessian, manager);          // d products + O(d³), d up to ~10k
 * Spectrum ends = Spectra.lanczos(hessian, 60, 0, manager); // 60 products, both ends of the spectrum
 * }</pre>
 */
public final class Spectra {

    /** Beyond this the dense matrix (8·d² bytes, twice with the eigenvectors) stops being practical. */
    public static final int FULL_LIMIT = 12_000;

    private Spectra() {}

    /**
     * The operator as a dense matrix, one product per column (column i is A·e_i), not symmetrised:
     * for a Hessian by finite differences its asymmetry is the products' error.
     *
     * @param a the operator, of dimension at most {@link #FULL_LIMIT}
     * @param manager where the unit vectors are created (and so the device)
     * @return the d×d matrix
     */
    public static DMatrixRMaj dense(SymmetricOperator a, NDManager manager) {
        int d = checkedDimension(a);
        DMatrixRMaj matrix = new DMatrixRMaj(d, d);
        double[] unit = new double[d];
        for (int i = 0; i < d; i++) {
            unit[i] = 1;
            try (NDArray e = manager.create(unit); NDArray column = a.times(e)) {
                double[] values = column.toDoubleArray();
                for (int j = 0; j < d; j++) {
                    matrix.unsafe_set(j, i, values[j]);
                }
            }
            unit[i] = 0;
        }
        return matrix;
    }

    /**
     * Every eigenpair: the dense matrix (d products), symmetrised, decomposed by EJML's symmetric
     * QR algorithm.
     *
     * @param a the operator, of dimension at most {@link #FULL_LIMIT}
     * @param manager where the unit vectors and the eigenvectors are created
     * @return all d eigenpairs, ascending
     */
    public static Spectrum full(SymmetricOperator a, NDManager manager) {
        DMatrixRMaj matrix = dense(a, manager);
        int d = matrix.numRows;
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double mean = (matrix.unsafe_get(i, j) + matrix.unsafe_get(j, i)) / 2;
                matrix.unsafe_set(i, j, mean);
                matrix.unsafe_set(j, i, mean);
            }
        }
        return decompose(matrix, d, new double[d], null, manager);
    }

    /**
     * The Ritz pairs of {@code steps} Lanczos iterations from a random start, each new vector
     * orthogonalised against all earlier ones (twice, so rounding cannot bring back converged
     * directions). Both ends of the spectrum converge first; {@link Spectrum#convergedFrom} says how
     * far each end can be trusted.
     *
     * @param a the operator
     * @param steps the number of products, at least 2 (fewer when an invariant subspace is found)
     * @param seed the seed of the start vector
     * @param manager where the Lanczos vectors and the Ritz vectors are created
     * @return the Ritz pairs, ascending, with residual bounds
     */
    public static Spectrum lanczos(SymmetricOperator a, int steps, long seed, NDManager manager) {
        if (steps < 2) {
            throw new IllegalArgumentException("Lanczos needs at least 2 steps, got " + steps);
        }
        long d = a.dimension();
        int k = (int) Math.min(steps, d);
        double[] alpha = new double[k];
        double[] beta = new double[k];
        int m = 0;
        try (NDArray basis = manager.zeros(new Shape(k, d), DataType.FLOAT64)) {
            NDArray q = RandomDirection.unit(d, seed, manager);
            for (int j = 0; j < k; j++) {
                basis.set(new NDIndex(j), q);
                m = j + 1;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    NDArray w = a.times(q).toType(DataType.FLOAT64, false);
                    alpha[j] = w.dot(q).getDouble();
                    NDArray earlier = basis.get(new NDIndex("0:" + m));
                    for (int pass = 0; pass < 2; pass++) {
                        w = w.sub(earlier.transpose().matMul(earlier.matMul(w)));
                    }
                    beta[j] = w.norm().getDouble();
                    q.close();
                    if (j == k - 1 || beta[j] <= 1e-12 * Math.max(1, Math.abs(alpha[j]))) {
                        q = null;
                        break;
                    }
                    q = w.div(beta[j]);
                    NDScope.unregister(q);
                }
            }
            if (q != null) {
                q.close();
            }
            DMatrixRMaj tridiagonal = new DMatrixRMaj(m, m);
            for (int i = 0; i < m; i++) {
                tridiagonal.set(i, i, alpha[i]);
                if (i + 1 < m) {
                    tridiagonal.set(i, i + 1, beta[i]);
                    tridiagonal.set(i + 1, i, beta[i]);
                }
            }
            try (NDArray used = basis.get(new NDIndex("0:" + m))) {
                return decompose(tridiagonal, m, new double[m], new Ritz(used, beta[m - 1]), manager);
            }
        }
    }

    /** The Lanczos basis whose combinations the eigenvectors of T are, and the last off-diagonal β. */
    private record Ritz(NDArray basis, double lastBeta) {}

    private static Spectrum decompose(DMatrixRMaj matrix, int size, double[] residuals, Ritz ritz, NDManager manager) {
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(size, true, true);
        if (!eig.decompose(matrix)) {
            throw new IllegalStateException("EJML's symmetric eigendecomposition did not converge (size " + size + ")");
        }
        Integer[] order = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> eig.getEigenvalue(i).getReal()));
        double[] values = new double[size];
        double[] small = new double[size * size];
        for (int r = 0; r < size; r++) {
            values[r] = eig.getEigenvalue(order[r]).getReal();
            DMatrixRMaj vector = eig.getEigenVector(order[r]);
            System.arraycopy(vector.data, 0, small, r * size, size);
            if (ritz != null) {
                // The residual of a Ritz pair is β_m times the last component of T's eigenvector.
                residuals[r] = Math.abs(ritz.lastBeta() * vector.get(size - 1, 0));
            }
        }
        NDArray vectors;
        if (ritz == null) {
            try (NDArray exact = manager.create(small, new Shape(size, size))) {
                vectors = exact.toType(DataType.FLOAT32, true);
            }
        } else {
            try (NDArray coefficients = manager.create(small, new Shape(size, size));
                    NDArray combined = coefficients.matMul(ritz.basis())) {
                vectors = combined.toType(DataType.FLOAT32, true);
            }
        }
        return new Spectrum(ritz == null ? size : ritz.basis().getShape().get(1), values, residuals, vectors);
    }

    private static int checkedDimension(SymmetricOperator a) {
        if (a.dimension() > FULL_LIMIT) {
            throw new IllegalArgumentException(String.format("A full eigendecomposition of dimension %,d needs a dense "
                    + "%,d×%,d matrix; above %,d use Spectra.lanczos(operator, steps, seed, manager)",
                    a.dimension(), a.dimension(), a.dimension(), FULL_LIMIT));
        }
        return (int) a.dimension();
    }
}
