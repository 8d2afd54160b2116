package org.lotterylab.imc;

import ai.djl.ndarray.NDArray;
import java.util.Collections;
import java.util.Map;
import java.util.OptionalInt;
import org.lotterylab.hessian.Coordinates;
import org.lotterylab.hessian.GapRule;
import org.lotterylab.hessian.LipschitzEstimate;
import org.lotterylab.hessian.Spectrum;
import org.lotterylab.hessian.SpectrumEnd;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Prune;
import org.lotterylab.tickets.Ticket;

/**
 * What IMC found at W*: the Hessian's spectrum, the gap threshold c·Lip(F), the dimension the gap
 * rule picks from either end, and the masks and tickets that follow. It owns the spectrum's
 * eigenvectors and a copy of W*: close it when done (after training its tickets, which share W*).
 */
public final class ImcAnalysis implements AutoCloseable {

    private final Net net;
    private final ImcConfig config;
    private final Spectrum spectrum;
    private final LipschitzEstimate lipschitz;
    private final Map<String, NDArray> weights;
    private final Imc.Cost cost;
    private final Coordinates coordinates;

    ImcAnalysis(Net net, ImcConfig config, Spectrum spectrum, LipschitzEstimate lipschitz, Map<String, NDArray> weights,
            Imc.Cost cost) {
        this.net = net;
        this.config = config;
        this.spectrum = spectrum;
        this.lipschitz = lipschitz;
        this.weights = weights;
        this.cost = cost;
        this.coordinates = Coordinates.of(net, net.prunableNames());
    }

    /** @return the Hessian's eigenpairs at W* (owned by the analysis) */
    public Spectrum spectrum() {
        return spectrum;
    }

    /** @return the estimate of Lip(F) */
    public LipschitzEstimate lipschitz() {
        return lipschitz;
    }

    /** @return c·Lip(F), the gap the spectral gap condition asks for */
    public double threshold() {
        return config.gapFactor() * lipschitz.value();
    }

    /** @return d, the number of prunable weights */
    public long total() {
        return coordinates.dimension();
    }

    /**
     * @param end where eigenvalues are counted from
     * @return the smallest n whose gap exceeds the threshold, or empty when no trusted gap does
     */
    public OptionalInt gapDimension(SpectrumEnd end) {
        return new GapRule(end, threshold()).dimension(spectrum, config.ritzTolerance());
    }

    /**
     * @param end where eigenvalues are counted from
     * @return the inertial manifold's dimension n: the gap rule's, or d when no gap is wide enough
     *     (no manifold below the full dimension, so nothing is pruned)
     */
    public int dimension(SpectrumEnd end) {
        return gapDimension(end).orElse(Math.toIntExact(total()));
    }

    /**
     * IMC's mask: the {@link #dimension(SpectrumEnd)} weights with the largest leverage on as many
     * eigenvectors from that end.
     *
     * @param end which end of the spectrum is retained
     * @param leverage how leverage is measured
     * @return a mask keeping exactly n weights
     */
    public Mask mask(SpectrumEnd end, Leverage leverage) {
        return mask(end, leverage, dimension(end));
    }

    /**
     * The mask from the n eigenvectors at one end of the spectrum, for any budget n (e.g. the size
     * another method's ticket has).
     *
     * @param end which end of the spectrum is retained
     * @param leverage how leverage is measured
     * @param n the number of eigenvectors retained and of weights kept, 1..d
     * @return a mask keeping exactly n weights (all of them when n = d)
     * @throws IllegalArgumentException when n is out of range or more eigenvectors are needed than computed
     */
    public Mask mask(SpectrumEnd end, Leverage leverage, int n) {
        long d = total();
        if (n < 1 || n > d) {
            throw new IllegalArgumentException("a mask keeps 1.." + d + " weights, got " + n);
        }
        if (n == d) {
            return Mask.ones(net);
        }
        if (n > spectrum.count()) {
            throw new IllegalArgumentException("retaining " + n + " eigenvectors needs the full spectrum; Lanczos computed "
                    + spectrum.count() + " (raise fullLimit or lanczosSteps)");
        }
        LeverageScore score = new LeverageScore(spectrum, coordinates, spectrum.indicesFrom(end, n), leverage);
        try (Mask all = Mask.ones(net)) {
            Mask mask = Prune.by(score).global().prune(net, all, (double) (d - n) / d);
            // Pruning zeroed the net's pruned weights; every mask starts from the same W*.
            net.load(weights);
            return mask;
        }
    }

    /**
     * @param mask a mask of the net, e.g. {@link #mask(SpectrumEnd, Leverage)} or a baseline's
     * @return the one-shot ticket: that mask on W*, training resuming after the warm-up steps
     */
    public Ticket ticket(Mask mask) {
        return new Ticket(mask, weights, config.warmupSteps());
    }

    /** @return every parameter at W* (owned by the analysis) */
    public Map<String, NDArray> weights() {
        return Collections.unmodifiableMap(weights);
    }

    /** @return the numbers of the analysis, for the run store */
    public ImcSummary summary() {
        return new ImcSummary(total(), spectrum.isComplete(), spectrum.values(), spectrum.residuals(),
                lipschitz.radius(), lipschitz.value(), threshold(), gapDimension(SpectrumEnd.SLOW).orElse(0),
                gapDimension(SpectrumEnd.FAST).orElse(0), cost.warmupSteps(), cost.warmupSamples(), cost.products(),
                cost.productSamples(), cost.seconds());
    }

    /** Frees the eigenvectors and W*. */
    @Override
    public void close() {
        spectrum.close();
        weights.values().forEach(NDArray::close);
    }

    @Override
    public String toString() {
        return String.format("IMC at W*: %s, Lip(F) ≈ %.3g on radius %.3g, threshold %.3g, n = %s (slow end) / %s (fast end)",
                spectrum, lipschitz.value(), lipschitz.radius(), threshold(), gapDimension(SpectrumEnd.SLOW),
                gapDimension(SpectrumEnd.FAST));
    }
}
