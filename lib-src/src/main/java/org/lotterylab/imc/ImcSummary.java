package org.lotterylab.imc;

import org.lotterylab.hessian.GapRule;
import org.lotterylab.hessian.Spectrum;
import org.lotterylab.hessian.SpectrumEnd;

/**
 * The numbers of an IMC analysis, a plain record for a run's {@code results.json}.
 *
 * @param dimension d, the number of prunable weights
 * @param complete whether the eigenvalues are the whole spectrum (else Lanczos' Ritz values)
 * @param eigenvalues ascending
 * @param residuals each eigenvalue's residual bound (0 for the full decomposition)
 * @param radius the radius of the ball Lip(F) was estimated on
 * @param lipschitz the estimate of Lip(F)
 * @param threshold c·Lip(F), the gap to exceed
 * @param slowDimension the gap rule's n from the slow end, 0 when no trusted gap is wide enough
 * @param fastDimension the gap rule's n from the fast end, 0 when no trusted gap is wide enough
 * @param warmupSteps SGD iterations to W*
 * @param warmupSamples samples passed forward and backward by the warm-up
 * @param products Hessian-vector products (spectrum and Lipschitz estimate)
 * @param productSamples samples passed forward and backward per product (twice: two gradients)
 * @param seconds wall-clock seconds of the analysis
 */
public record ImcSummary(long dimension, boolean complete, double[] eigenvalues, double[] residuals, double radius,
        double lipschitz, double threshold, int slowDimension, int fastDimension, int warmupSteps, long warmupSamples,
        long products, long productSamples, double seconds) {

    /**
     * The widest gap between consecutive trusted eigenvalues counted from an end (all of a complete
     * spectrum; the converged Ritz values from that end otherwise): the gap rule finds a dimension
     * from that end exactly when this exceeds {@link #threshold()}.
     *
     * @param end where to count from
     * @param tolerance the relative residual below which a Ritz value is trusted (the analysis' own)
     * @return the widest trusted gap, 0 when fewer than two eigenvalues are trusted
     */
    public double widestTrustedGap(SpectrumEnd end, double tolerance) {
        int trusted = complete ? eigenvalues.length : Spectrum.convergedFrom(eigenvalues, residuals, end, tolerance);
        return GapRule.widestGap(Spectrum.ordered(eigenvalues, end), trusted);
    }
}
