package org.lotterylab.imc;

import java.util.Objects;
import org.lotterylab.hessian.Spectra;
import org.lotterylab.train.TrainingConfig;

/**
 * The hyper-parameters of IMC's analysis, a plain record for the run store.
 *
 * @param training how the warm-up steps train (optimizer, learning rate, batch size, seed)
 * @param warmupSteps SGD iterations from the initialisation to W* (10 in the paper)
 * @param hessianSamples training samples the Hessian at W* is taken over (one batch)
 * @param gapFactor c in the gap condition λ_(n+1) − λ_n &gt; c·Lip(F) (2 classically)
 * @param radiusScale the ball on which Lip(F) is estimated has radius radiusScale·‖W* − W₀‖
 * @param lipschitzDirections random directions tried for Lip(F)
 * @param lipschitzIterations power iterations per direction
 * @param fullLimit nets with at most this many prunable weights get the full spectrum, larger ones Lanczos
 * @param lanczosSteps Lanczos iterations (Hessian-vector products) for large nets
 * @param ritzTolerance relative residual below which a Ritz value is trusted by the gap rule
 * @param seed the seed of the warm-up samples, the Hessian samples and the random vectors
 */
public record ImcConfig(TrainingConfig training, int warmupSteps, int hessianSamples, double gapFactor,
        double radiusScale, int lipschitzDirections, int lipschitzIterations, int fullLimit, int lanczosSteps,
        double ritzTolerance, long seed) {

    /** Validates the configuration, naming the bad value. */
    public ImcConfig {
        Objects.requireNonNull(training, "training");
        require(warmupSteps >= 1, "warmupSteps must be ≥ 1 (the paper takes 10), got " + warmupSteps);
        require(hessianSamples >= 1, "hessianSamples must be ≥ 1, got " + hessianSamples);
        require(gapFactor >= 0 && Double.isFinite(gapFactor),
                "gapFactor must be finite and ≥ 0 (2 classically), got " + gapFactor);
        require(radiusScale > 0 && Double.isFinite(radiusScale), "radiusScale must be finite and > 0, got " + radiusScale);
        require(lipschitzDirections >= 1 && lipschitzIterations >= 1,
                "lipschitzDirections and lipschitzIterations must be ≥ 1, got " + lipschitzDirections + " and " + lipschitzIterations);
        require(fullLimit >= 0 && fullLimit <= Spectra.FULL_LIMIT,
                "fullLimit must lie in [0, " + Spectra.FULL_LIMIT + "], got " + fullLimit);
        require(lanczosSteps >= 2, "lanczosSteps must be ≥ 2, got " + lanczosSteps);
        require(ritzTolerance > 0 && Double.isFinite(ritzTolerance),
                "ritzTolerance must be finite and > 0, got " + ritzTolerance);
    }

    /**
     * @param training how the warm-up trains
     * @return the paper's 10 warm-up steps; 512 Hessian samples; c = 2; Lip(F) on the ball the
     *     warm-up moved through, from 3 directions × 8 power iterations; the full spectrum up to
     *     10,000 weights, else 60 Lanczos steps, Ritz values trusted to 1e-3; seed 0
     */
    public static ImcConfig defaults(TrainingConfig training) {
        return new ImcConfig(training, 10, 512, 2, 1, 3, 8, 10_000, 60, 1e-3, 0);
    }

    /** @param value the warm-up training @return a copy with it */
    public ImcConfig withTraining(TrainingConfig value) {
        return new ImcConfig(value, warmupSteps, hessianSamples, gapFactor, radiusScale, lipschitzDirections,
                lipschitzIterations, fullLimit, lanczosSteps, ritzTolerance, seed);
    }

    /** @param value SGD steps to W* @return a copy with it */
    public ImcConfig withWarmupSteps(int value) {
        return new ImcConfig(training, value, hessianSamples, gapFactor, radiusScale, lipschitzDirections,
                lipschitzIterations, fullLimit, lanczosSteps, ritzTolerance, seed);
    }

    /** @param value samples of the Hessian @return a copy with it */
    public ImcConfig withHessianSamples(int value) {
        return new ImcConfig(training, warmupSteps, value, gapFactor, radiusScale, lipschitzDirections,
                lipschitzIterations, fullLimit, lanczosSteps, ritzTolerance, seed);
    }

    /** @param value c of the gap condition @return a copy with it */
    public ImcConfig withGapFactor(double value) {
        return new ImcConfig(training, warmupSteps, hessianSamples, value, radiusScale, lipschitzDirections,
                lipschitzIterations, fullLimit, lanczosSteps, ritzTolerance, seed);
    }

    /**
     * @param directions random directions tried for Lip(F)
     * @param iterations power iterations per direction
     * @return a copy with them
     */
    public ImcConfig withLipschitz(int directions, int iterations) {
        return new ImcConfig(training, warmupSteps, hessianSamples, gapFactor, radiusScale, directions,
                iterations, fullLimit, lanczosSteps, ritzTolerance, seed);
    }

    /** @param value the most prunable weights that get the full spectrum (0: always Lanczos) @return a copy with it */
    public ImcConfig withFullLimit(int value) {
        return new ImcConfig(training, warmupSteps, hessianSamples, gapFactor, radiusScale, lipschitzDirections,
                lipschitzIterations, value, lanczosSteps, ritzTolerance, seed);
    }

    /** @param steps Lanczos iterations @return a copy with them */
    public ImcConfig withLanczosSteps(int steps) {
        return new ImcConfig(training, warmupSteps, hessianSamples, gapFactor, radiusScale, lipschitzDirections,
                lipschitzIterations, fullLimit, steps, ritzTolerance, seed);
    }

    /** @param value the seed @return a copy with it */
    public ImcConfig withSeed(long value) {
        return new ImcConfig(training, warmupSteps, hessianSamples, gapFactor, radiusScale, lipschitzDirections,
                lipschitzIterations, fullLimit, lanczosSteps, ritzTolerance, value);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
