package org.lotterylab.hessian;

import java.util.OptionalInt;

/**
 * The spectral gap condition of inertial-manifold theory: for du/dt + A·u = F(u), an
 * n-dimensional inertial manifold exists when the gap between the n-th and (n+1)-th eigenvalue of
 * A exceeds c·Lip(F) (c = 2 in the classical statement); the rule picks the smallest such n,
 * counting from one end of the spectrum.
 *
 * <pre>{@code
 * OptionalInt n = new GapRule(SpectrumEnd.SLOW, 2 * lipschitz).dimension(spectrum, 1e-3);
 * }</pre>
 *
 * @param end where eigenvalues are counted from
 * @param threshold the gap to exceed, c·Lip(F), ≥ 0
 */
public record GapRule(SpectrumEnd end, double threshold) {

    /** Validates the threshold. */
    public GapRule {
        if (!(threshold >= 0)) {
            throw new IllegalArgumentException("the gap threshold c·Lip(F) must be ≥ 0, got " + threshold);
        }
    }

    /**
     * The smallest n whose gap, between the n-th and (n+1)-th eigenvalue from {@link #end()},
     * exceeds the threshold. Only eigenvalues that can be trusted are used: all of a full
     * decomposition, the converged Ritz values of a Lanczos run.
     *
     * @param spectrum the eigenvalues
     * @param tolerance the relative residual below which a Ritz value is trusted
     * @return n in 1..d−1, or empty when no trusted gap is wide enough
     */
    public OptionalInt dimension(Spectrum spectrum, double tolerance) {
        double[] ordered = spectrum.valuesFrom(end);
        return dimension(ordered, spectrum.convergedFrom(end, tolerance));
    }

    /**
     * @param fromEnd eigenvalues in order from the rule's end (ascending for SLOW, descending for FAST)
     * @param trusted how many of them, from the start, may be used
     * @return the smallest n whose gap |λ_(n+1) − λ_n| exceeds the threshold, or empty
     */
    public OptionalInt dimension(double[] fromEnd, int trusted) {
        int usable = Math.min(trusted, fromEnd.length);
        for (int n = 1; n < usable; n++) {
            if (Math.abs(fromEnd[n] - fromEnd[n - 1]) > threshold) {
                return OptionalInt.of(n);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * The widest gap the rule could find: how far the threshold could rise before the rule finds
     * none. The rule finds a dimension exactly when this exceeds the threshold.
     *
     * @param fromEnd eigenvalues in order from an end
     * @param trusted how many of them, from the start, may be used
     * @return the widest |λ_(n+1) − λ_n| among them, 0 when fewer than two are trusted
     */
    public static double widestGap(double[] fromEnd, int trusted) {
        int usable = Math.min(trusted, fromEnd.length);
        double widest = 0;
        for (int n = 1; n < usable; n++) {
            widest = Math.max(widest, Math.abs(fromEnd[n] - fromEnd[n - 1]));
        }
        return widest;
    }

    /**
     * @param spectrum the eigenvalues
     * @param n a dimension from 1 to count − 1
     * @return the gap between the n-th and (n+1)-th eigenvalue from {@link #end()}
     */
    public double gapAt(Spectrum spectrum, int n) {
        double[] ordered = spectrum.valuesFrom(end);
        if (n < 1 || n >= ordered.length) {
            throw new IllegalArgumentException("a gap needs 1 ≤ n < " + ordered.length + ", got " + n);
        }
        return Math.abs(ordered[n] - ordered[n - 1]);
    }
}
