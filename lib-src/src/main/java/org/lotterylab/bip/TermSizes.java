package org.lotterylab.bip;

/**
 * How large BiP's implicit-gradient term is beside the straight-through gradient it is added to:
 * the L2 norms over all scores, averaged over the mask steps. Measured whether or not the term is
 * applied, so that the ablation (BiP without it) reports the size the term would have had.
 *
 * @param straightThrough the mean norm of the straight-through gradient θ ⊙ ∂ℓ/∂z
 * @param implicit the mean norm of the term (1/γ)·(∂ℓ/∂θ)²
 * @param steps how many mask steps were measured
 */
public record TermSizes(double straightThrough, double implicit, int steps) {

    /** Nothing measured. */
    public static final TermSizes NONE = new TermSizes(Double.NaN, Double.NaN, 0);

    /** @return the implicit term's mean norm over the straight-through gradient's (NaN before any step) */
    public double ratio() {
        return implicit / straightThrough;
    }

    /**
     * @param straightThroughNorm one step's straight-through norm
     * @param implicitNorm the same step's implicit-term norm
     * @return the means with this step included
     */
    TermSizes plus(double straightThroughNorm, double implicitNorm) {
        if (steps == 0) {
            return new TermSizes(straightThroughNorm, implicitNorm, 1);
        }
        int n = steps + 1;
        return new TermSizes(straightThrough + (straightThroughNorm - straightThrough) / n,
                implicit + (implicitNorm - implicit) / n, n);
    }
}
