package org.lotterylab;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.training.GradientCollector;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * Checks PyTorch's float32 convolution on this processor against float64, forward and backward,
 * within the worst-case rounding bound of a float32 sum.
 *
 * <p>Why: on machines whose CPUID reports no cache hierarchy (seen on AMD EPYC virtual machines),
 * oneDNN's direct convolution kernels return wrong numbers: LeNet-5's second convolution (20 → 50
 * channels, 5×5) was off by up to 1.9 on outputs of size 4, differently for 1 and 2 threads, and
 * training then diverged at random. PyTorch's float64 convolution never uses oneDNN, so it is the
 * reference. The bound: a float32 sum of n products is within γ(n) = n·u / (1 − n·u) of the exact
 * value times the sum of the products' magnitudes, u = 2⁻²⁴; the same computation on absolute
 * values, in float64, gives those magnitudes.
 */
final class ConvolutionCheck {

    private static final double UNIT_ROUNDOFF = 0x1p-24;

    /** batch, input channels, input size, output channels, kernel size, padding. */
    private record Case(int batch, int channels, int size, int filters, int kernel, int padding) {

        int outputSize() {
            return size + 2 * padding - kernel + 1;
        }

        /** The longest sum of products among the forward pass and the two gradients. */
        int terms() {
            return Math.max(channels * kernel * kernel,
                    Math.max(filters * kernel * kernel, batch * outputSize() * outputSize()));
        }

        @Override
        public String toString() {
            return String.format("%d×%d×%d×%d input, %d filters of %d×%d, padding %d",
                    batch, channels, size, size, filters, kernel, kernel, padding);
        }
    }

    /** LeNet-5's second convolution, where the fault was found, and a padded 3×3 one as in Conv-4. */
    private static final List<Case> CASES = List.of(new Case(8, 20, 12, 50, 5, 0), new Case(4, 3, 10, 24, 3, 1));

    private ConvolutionCheck() {
    }

    /**
     * @return what was wrong, for the first case outside the bound; empty when every case is within it
     */
    static Optional<String> run() {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            for (Case c : CASES) {
                Optional<String> failure = check(manager, c);
                if (failure.isPresent()) {
                    return failure;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> check(NDManager manager, Case c) {
        Random random = new Random(c.hashCode());
        NDArray x = gaussian(manager, random, new Shape(c.batch(), c.channels(), c.size(), c.size()), 1);
        NDArray w = gaussian(manager, random, new Shape(c.filters(), c.channels(), c.kernel(), c.kernel()),
                1 / Math.sqrt(c.channels() * c.kernel() * c.kernel()));
        NDArray r = gaussian(manager, random, new Shape(c.batch(), c.filters(), c.outputSize(), c.outputSize()), 1);
        NDArray[] single = outputAndGradients(c, x, w, r);
        NDArray[] exact = outputAndGradients(c, f64(x), f64(w), f64(r));
        NDArray[] magnitude = outputAndGradients(c, f64(x).abs(), f64(w).abs(), f64(r).abs());
        double gamma = c.terms() * UNIT_ROUNDOFF / (1 - c.terms() * UNIT_ROUNDOFF);
        String[] what = {"output", "input gradient", "weight gradient"};
        for (int i = 0; i < what.length; i++) {
            if (!withinBound(single[i], exact[i], magnitude[i], gamma)) {
                double error = f64(single[i]).sub(exact[i]).abs().max().getDouble();
                return Optional.of(String.format("the float32 convolution's %s is off by up to %.3g "
                        + "(rounding allows ~%.1e of the magnitudes) for a %s", what[i], error,
                        gamma * magnitude[i].max().getDouble(), c));
            }
        }
        return Optional.empty();
    }

    /**
     * @return whether every element of {@code computed} is within {@code gamma · magnitude} of {@code exact}
     */
    static boolean withinBound(NDArray computed, NDArray exact, NDArray magnitude, double gamma) {
        return f64(computed).sub(exact).abs().sub(magnitude.mul(gamma)).max().getDouble() <= 0;
    }

    /** The convolution's output and the gradients of sum(output · r) with respect to x and w. */
    private static NDArray[] outputAndGradients(Case c, NDArray x, NDArray w, NDArray r) {
        NDArray input = x.duplicate();
        NDArray weight = w.duplicate();
        input.setRequiresGradient(true);
        weight.setRequiresGradient(true);
        try (GradientCollector collector = x.getManager().getEngine().newGradientCollector()) {
            NDArray output = Conv2d.conv2d(input, weight, null, new Shape(1, 1),
                    new Shape(c.padding(), c.padding())).head();
            collector.backward(output.mul(r).sum());
            return new NDArray[] {output.stopGradient(), input.getGradient(), weight.getGradient()};
        }
    }

    private static NDArray gaussian(NDManager manager, Random random, Shape shape, double scale) {
        float[] values = new float[Math.toIntExact(shape.size())];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return manager.create(values, shape);
    }

    private static NDArray f64(NDArray array) {
        return array.toType(DataType.FLOAT64, false);
    }
}
