package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * Eigenpairs of a symmetric operator: all of them ({@link Spectra#full}) or the Ritz pairs of a
 * Lanczos run ({@link Spectra#lanczos}), in ascending order of eigenvalue, with each pair's
 * residual bound ‖A·y − θ·y‖ (0 for an exact decomposition). The eigenvectors are the rows of one
 * float32 array on the operator's device, owned by the spectrum: close it when done.
 */
public final class Spectrum implements AutoCloseable {

    private final long dimension;
    private final double[] values;
    private final double[] residuals;
    private final NDArray vectors;

    /**
     * @param dimension the dimension d of the operator
     * @param values the eigenvalues, ascending
     * @param residuals a residual bound per eigenvalue
     * @param vectors the eigenvectors as rows, {@code values.length × d}, in the same order; the spectrum owns it
     */
    Spectrum(long dimension, double[] values, double[] residuals, NDArray vectors) {
        if (residuals.length != values.length || vectors.getShape().get(0) != values.length
                || vectors.getShape().get(1) != dimension) {
            throw new IllegalArgumentException("a spectrum needs one residual and one vector of " + dimension
                    + " values per eigenvalue; got " + values.length + " values, " + residuals.length
                    + " residuals, vectors of shape " + vectors.getShape());
        }
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                throw new IllegalArgumentException("eigenvalues must be ascending; " + values[i] + " follows " + values[i - 1]);
            }
        }
        this.dimension = dimension;
        this.values = values.clone();
        this.residuals = residuals.clone();
        this.vectors = vectors;
    }

    /** @return the dimension d of the operator */
    public long dimension() {
        return dimension;
    }

    /** @return the number of eigenpairs held (d for a full decomposition) */
    public int count() {
        return values.length;
    }

    /** @return whether this is every eigenpair of the operator */
    public boolean isComplete() {
        return values.length == dimension;
    }

    /** @return the eigenvalues, ascending (a copy) */
    public double[] values() {
        return values.clone();
    }

    /** @return each eigenvalue's residual bound (a copy) */
    public double[] residuals() {
        return residuals.clone();
    }

    /**
     * @param end where to start counting
     * @return the eigenvalues in order from that end: ascending from {@link SpectrumEnd#SLOW},
     *     descending from {@link SpectrumEnd#FAST}
     */
    public double[] valuesFrom(SpectrumEnd end) {
        return ordered(values, end);
    }

    /**
     * @param ascending eigenvalues in ascending order
     * @param end where to start counting
     * @return a copy in order from that end: ascending from {@link SpectrumEnd#SLOW}, descending from {@link SpectrumEnd#FAST}
     */
    public static double[] ordered(double[] ascending, SpectrumEnd end) {
        double[] ordered = ascending.clone();
        if (end == SpectrumEnd.FAST) {
            for (int i = 0, j = ordered.length - 1; i < j; i++, j--) {
                double swap = ordered[i];
                ordered[i] = ordered[j];
                ordered[j] = swap;
            }
        }
        return ordered;
    }

    /**
     * How many eigenvalues, counted from {@code end}, can be trusted: all of a full decomposition;
     * for Ritz values, those before the first whose residual exceeds {@code tolerance} times the
     * spectral radius.
     *
     * @param end where to start counting
     * @param tolerance the relative residual accepted, e.g. 1e-3
     * @return the number of consecutive converged eigenvalues from that end
     */
    public int convergedFrom(SpectrumEnd end, double tolerance) {
        return isComplete() ? values.length : convergedFrom(values, residuals, end, tolerance);
    }

    /**
     * {@link #convergedFrom(SpectrumEnd, double)} for Ritz values kept apart from their spectrum,
     * e.g. in a stored {@code ImcSummary}.
     *
     * @param values Ritz values, ascending
     * @param residuals their residual bounds
     * @param end where to start counting
     * @param tolerance the relative residual accepted
     * @return the number of consecutive converged values from that end
     */
    public static int convergedFrom(double[] values, double[] residuals, SpectrumEnd end, double tolerance) {
        double radius = Math.max(Math.abs(values[0]), Math.abs(values[values.length - 1]));
        int converged = 0;
        for (int k = 0; k < values.length; k++) {
            int i = end == SpectrumEnd.SLOW ? k : values.length - 1 - k;
            if (residuals[i] > tolerance * radius) {
                break;
            }
            converged++;
        }
        return converged;
    }

    /** @return λ_{i+1} − λ_i for consecutive eigenvalues held, ascending order */
    public double[] gaps() {
        double[] gaps = new double[Math.max(0, values.length - 1)];
        for (int i = 0; i < gaps.length; i++) {
            gaps[i] = values[i + 1] - values[i];
        }
        return gaps;
    }

    /**
     * @param end where to start counting
     * @param n how many eigenpairs
     * @return the indices (into the ascending order) of the first n eigenpairs from that end
     */
    public int[] indicesFrom(SpectrumEnd end, int n) {
        if (n < 0 || n > values.length) {
            throw new IllegalArgumentException("cannot take " + n + " of " + values.length + " eigenpairs");
        }
        int[] indices = new int[n];
        for (int k = 0; k < n; k++) {
            indices[k] = end == SpectrumEnd.SLOW ? k : values.length - 1 - k;
        }
        return indices;
    }

    /**
     * @return the eigenvectors as rows, in ascending order of eigenvalue (owned by the spectrum: do not close)
     */
    public NDArray vectors() {
        return vectors;
    }

    /** Frees the eigenvectors. */
    @Override
    public void close() {
        vectors.close();
    }

    @Override
    public String toString() {
        int shown = Math.min(3, values.length);
        return String.format("Spectrum(%d of %,d eigenvalues, lowest %s, highest %s)", values.length, dimension,
                Arrays.toString(Arrays.stream(values, 0, shown).mapToObj(v -> String.format("%.3g", v)).toArray()),
                Arrays.toString(Arrays.stream(values, values.length - shown, values.length)
                        .mapToObj(v -> String.format("%.3g", v)).toArray()));
    }
}
