package org.lotterylab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import java.util.Set;
import org.lotterylab.bert.BertConfig;
import org.lotterylab.nn.Net;

/**
 * Tolerances for float32 results derived from the rounding of the computation, never from the
 * numbers one machine produced, so that a test holds on any processor whatever kernels, blocking,
 * thread partitioning or FMA PyTorch picks there. u = 2⁻²⁴ throughout.
 *
 * <p><b>The worst case</b> (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, §3.1,
 * Lemma 3.3): a float32 sum of n products, in any order, is within γ(n) = n·u / (1 − n·u) of the
 * exact sum times the sum of the products' magnitudes, and (1 + γ(a))(1 + γ(b)) ≤ 1 + γ(a + b). A
 * layer y = W·x + b errs by at most γ(fan-in + 1)·(|W|·|x| + |b|); ReLU and max-pooling are exact
 * and 1-Lipschitz; so through a stack of layers the errors add up to γ(n₁ + n₂ + …) times the same
 * forward pass run on absolute values ({@link #magnitudes}). Tight for one or two sums; through
 * deeper nets it charges every layer with Σ|W|·|x| of all the layers before it, which the
 * cancellation in real activations never reaches: for LeNet-300-100 it allows a fifth of the logits,
 * for LeNet-5 with BatchNorm (which divides by σ after subtracting μ) several times the logits.
 *
 * <p><b>The probabilistic bound</b> (Higham and Mary, "A new approach to probabilistic rounding
 * error analysis", SIAM J. Sci. Comput. 41, 2019, Theorem 3.1) for deep nets and transformers:
 * with rounding errors that are independent and of mean zero, n of them stay within
 * γ̃(n) = exp(λ·√n·u + n·u²/(1 − u)) − 1 with probability at least 1 − 2·exp(−λ²(1 − u)²/2). Here λ
 * is chosen so that all the compared results, each with its n roundings, hold together with
 * probability 1 − 10⁻⁹, and the magnitude is the largest expected output (the magnitudes inside
 * softmax and LayerNorm have no absolute-value pass). Not a worst case: an estimate with the
 * square root that real rounding errors follow; it allows 50 to 350 times the differences measured
 * (AMD EPYC, AVX-512) and fails on a 10⁻⁴ relative change of one layer or on MiniLM with GELU's
 * tanh approximation.
 *
 * <p>A product with a weight of exactly 0 is exactly 0 and adding it rounds nothing, so a layer's
 * n counts its non-zero weights per output: a masked net and its physically smaller twin get the
 * same n. One extra term in every γ covers the float64 rounding of the magnitudes and of float64
 * references (2⁻⁵³ per operation, below one float32 u for any computation here).
 */
public final class Float32Bound {

    /** u, the unit roundoff of float32. */
    public static final double UNIT_ROUNDOFF = 0x1p-24;

    /**
     * The roundings of BatchNorm in inference, y = x·α + (β − μ·α) with α = γ/√(σ² + ε): σ² + ε, the
     * square root, the reciprocal, ·γ, μ·α, β − μ·α, x·α and the final sum: 8, each relative to
     * |α|·(|x| + |μ|) + |β|, which is what {@link #magnitudes} computes for it.
     */
    static final int BATCH_NORM_TERMS = 8;

    /** Parameter-free layers that compute exactly and are 1-Lipschitz, as DJL names them; an unnamed one must be a reshape. */
    private static final Set<String> EXACT_LAYERS = Set.of("ReLU", "maxPool1d", "maxPool2d", "maxPool3d", "batchFlatten",
            LambdaBlock.DEFAULT_NAME);

    private Float32Bound() {
    }

    /**
     * @param n the number of roundings along the longest path (the terms of a sum of products)
     * @return γ(n) = n·u / (1 − n·u), the relative error bound of a float32 sum of n products
     */
    public static double gamma(long n) {
        if (n < 0 || n * UNIT_ROUNDOFF >= 0.5) {
            throw new IllegalArgumentException("γ(n) needs 0 ≤ n < 2²³, got " + n);
        }
        return n * UNIT_ROUNDOFF / (1 - n * UNIT_ROUNDOFF);
    }

    /**
     * The roundings along a forward pass of {@code net}: per convolution or linear layer its most
     * non-zero weights of any output (+1 for a bias), {@link #BATCH_NORM_TERMS} per BatchNorm, 0
     * for ReLU, max-pooling and reshapes. The sum over all layers bounds every path.
     *
     * @throws IllegalArgumentException for a layer without a derived bound (tanh, softmax, average pooling, …)
     */
    public static long terms(Net net) {
        return terms(net.block());
    }

    private static long terms(Block block) {
        if (block instanceof Convolution || block instanceof Linear) {
            NDArray weight = block.getDirectParameters().get("weight").getArray();
            long outputs = weight.getShape().get(0);
            long nonZero = weight.reshape(outputs, -1).neq(0).sum(new int[] {1}).max().getLong();
            return nonZero + (block.getDirectParameters().contains("bias") ? 1 : 0);
        }
        if (block instanceof BatchNorm) {
            return BATCH_NORM_TERMS;
        }
        if (block instanceof LambdaBlock lambda) {
            if (EXACT_LAYERS.contains(lambda.getName())) {
                return 0;
            }
            throw new IllegalArgumentException("no float32 bound is derived for layer '" + lambda.getName() + "'");
        }
        if (block instanceof SequentialBlock) {
            return block.getChildren().values().stream().mapToLong(Float32Bound::terms).sum();
        }
        throw new IllegalArgumentException("no float32 bound is derived for a " + block.getClass().getSimpleName());
    }

    /**
     * The forward pass of {@code net} in float64 on |input| with every weight and bias replaced by its
     * absolute value, and each BatchNorm computing |α|·(x + |μ|) + |β|: for every output, the sum of
     * the magnitudes of all the terms that rounding is relative to. Requires the layers of
     * {@link #terms}.
     *
     * @return float64 magnitudes of the output's shape, owned by {@code input}'s manager
     */
    public static NDArray magnitudes(Net net, NDArray input) {
        terms(net);
        try (NDManager scratch = input.getManager().newSubManager()) {
            NDArray x = input.toType(DataType.FLOAT64, true);
            x.attach(scratch);
            ParameterStore absolute = new ParameterStore(scratch, false) {
                @Override
                public NDArray getValue(Parameter parameter, Device device, boolean training) {
                    if (parameter == null) {
                        return null;   // an absent bias
                    }
                    NDArray value = parameter.getArray().toType(DataType.FLOAT64, true);
                    value.attach(scratch);
                    NDArray magnitude = value.abs().toDevice(device, false);
                    // x − (−|μ|) = x + |μ|: the mean's term adds to the input's instead of cancelling.
                    return parameter.getType() == Parameter.Type.RUNNING_MEAN ? magnitude.neg() : magnitude;
                }
            };
            NDArray magnitude = net.block().forward(absolute, new NDList(x.abs()), false).singletonOrThrow();
            magnitude.attach(input.getManager());
            return magnitude;
        }
    }

    /**
     * @return γ(terms(net) + 1) · {@link #magnitudes}: how far a float32 forward pass of {@code net}
     *     on {@code input} can be from its exact value, element by element (float64)
     */
    public static NDArray forwardRounding(Net net, NDArray input) {
        return rounding(magnitudes(net, input), terms(net));
    }

    /**
     * @param magnitude Σ|terms| of each element, as computed on absolute values
     * @param terms the roundings along the longest path
     * @return γ(terms + 1) · magnitude in float64, the extra term for the float64 rounding of the magnitude
     */
    public static NDArray rounding(NDArray magnitude, long terms) {
        return magnitude.toType(DataType.FLOAT64, false).mul(gamma(terms + 1));
    }

    /**
     * Asserts |actual − expected| ≤ γ(terms + 1)·magnitude element by element.
     *
     * @param terms the roundings along the longest path, summed over both computations when two float32
     *     results are compared
     */
    public static void assertWithin(NDArray actual, NDArray expected, NDArray magnitude, long terms, String what) {
        try (NDManager scratch = actual.getManager().newSubManager()) {
            NDArray m = magnitude.toType(DataType.FLOAT64, true);
            m.attach(scratch);
            assertWithin(actual, expected, rounding(m, terms), what);
        }
    }

    /**
     * Asserts |actual − expected| ≤ allowed element by element, in float64; fails on NaN. The message
     * names the worst element, its difference and its allowance.
     */
    public static void assertWithin(NDArray actual, NDArray expected, NDArray allowed, String what) {
        assertEquals(expected.getShape(), actual.getShape(), what + ": shapes");
        try (NDManager scratch = actual.getManager().newSubManager()) {
            NDArray a = actual.toType(DataType.FLOAT64, true);
            NDArray e = expected.toType(DataType.FLOAT64, true).toDevice(a.getDevice(), false);
            NDArray limit = allowed.toType(DataType.FLOAT64, true).toDevice(a.getDevice(), false);
            a.attach(scratch);
            e.attach(scratch);
            limit.attach(scratch);
            NDArray difference = a.sub(e).abs().flatten();
            NDArray excess = difference.sub(limit.broadcast(actual.getShape()).flatten());
            double worst = excess.max().getDouble();
            if (!(worst <= 0)) {
                long at = excess.argMax().getLong();
                fail(String.format("%s: element %d is off by %.3g, rounding allows %.3g (largest difference %.3g, "
                        + "largest allowance %.3g)", what, at, difference.getDouble(at),
                        limit.broadcast(actual.getShape()).flatten().getDouble(at), difference.max().getDouble(),
                        limit.max().getDouble()));
            }
        }
    }

    /** The probability with which a comparison under {@link #assertWithinProbabilisticBound} may fail by rounding alone. */
    private static final double FAILURE = 1e-9;

    /**
     * Higham and Mary's probabilistic γ̃(n), with λ such that {@code results} results of n roundings
     * each all stay within it with probability ≥ 1 − 10⁻⁹: results · n · 2·exp(−λ²(1 − u)²/2) ≤ 10⁻⁹.
     *
     * @param n the roundings along the longest path of one result
     * @param results how many results are compared
     */
    public static double probabilisticGamma(long n, long results) {
        if (n < 1 || results < 1) {
            throw new IllegalArgumentException("γ̃ needs n ≥ 1 and results ≥ 1, got " + n + " and " + results);
        }
        double lambda = Math.sqrt(2 * Math.log(2.0 * n * results / FAILURE)) / (1 - UNIT_ROUNDOFF);
        return Math.expm1(lambda * Math.sqrt(n) * UNIT_ROUNDOFF + n * UNIT_ROUNDOFF * UNIT_ROUNDOFF / (1 - UNIT_ROUNDOFF));
    }

    /**
     * Asserts |actual − expected| ≤ γ̃(roundings + 1)·max|expected| element by element, γ̃ for all
     * elements of {@code expected} together ({@link #probabilisticGamma}).
     *
     * @param roundings the roundings along the longest path, summed over both computations when two
     *     float32 results are compared ({@link #terms}, {@link #bertTerms})
     */
    public static void assertWithinProbabilisticBound(NDArray actual, NDArray expected, long roundings, String what) {
        double scale = expected.abs().max().toType(DataType.FLOAT64, false).getDouble();
        double allowed = probabilisticGamma(roundings + 1, expected.size()) * scale;
        try (NDManager scratch = actual.getManager().newSubManager()) {
            assertWithin(actual, expected, scratch.create(allowed), what + " (" + roundings + " roundings, scale " + scale + ")");
        }
    }

    /**
     * The roundings along one token's path through a BERT of {@link org.lotterylab.bert.Bert}, per
     * float32 operation that rounds (an elementary function counts 2: ≤ 1 ulp): the embeddings' two
     * sums; per layer the query/key/value projections (H + 1), the dot product over a head (d), its
     * scaling and mask, the softmax (T + 4), the weighted sum of values (T), the output projection
     * (H + 1), the residual sum, a LayerNorm (2H + 8: mean, variance, ε, √, ÷, ·weight, + bias),
     * the intermediate projection (H + 1), GELU (5), the output projection (I + 1), the residual sum
     * and a second LayerNorm; then the mean over the T tokens when pooled.
     *
     * @param tokens T, the padded sequence length
     * @param pooled whether the output is the mean over the tokens
     */
    public static long bertTerms(BertConfig config, long tokens, boolean pooled) {
        long h = config.hidden();
        long layerNorm = 2 * h + 8;
        long layer = 3 * (h + 1) + config.headSize() + 2 + (tokens + 4) + tokens + 1 + layerNorm + (h + 1) + 5
                + (config.intermediate() + 1) + 1 + layerNorm;
        return 2 + layerNorm + config.layers() * layer + (pooled ? tokens + 1 : 0);
    }
}
