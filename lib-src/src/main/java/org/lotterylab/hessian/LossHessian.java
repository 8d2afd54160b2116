package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.GradientCollector;
import ai.djl.training.dataset.Batch;
import ai.djl.training.loss.Loss;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.lotterylab.nn.Net;

/**
 * The Hessian H of a net's training loss with respect to some of its weights, at the weights the
 * net has when the Hessian is made, known through its products H·v.
 *
 * <p>The loss is the objective summed over the given batches (pass one batch for the mean loss
 * of its samples), with the net in evaluation mode. Everything is computed in double precision on
 * stand-in copies of the weights that the net's block is handed through a parameter store, so the
 * net itself is never modified and gets no gradients. Products are computed by {@link HvpMethod}:
 * central differences by default (any engine, no memory growth), or double backpropagation on the
 * PyTorch engine, exact but leaking one autograd graph per product (see {@link HvpMethod}).
 *
 * <pre>{@code
 * try (LossHessian h = LossHessian.of(net, List.of(batch))) {
 *     NDArray hv = h.times(v);                  // v: a flat vector of h.dimension() values
 *     Spectrum all = Spectra.full(h, manager);  // d products, then EJML
 * }
 * }</pre>
 */
public final class LossHessian implements SymmetricOperator, AutoCloseable {

    /**
     * The largest change of a weight in a finite difference. Small enough that no ReLU or
     * max-pool of the batch changes its branch (the gradient jumps there), large enough that
     * double-precision rounding stays near 1e-9 of the gradient.
     */
    private static final double STEP = 1e-7;

    /** How often a finite difference is retried with a smaller step when a branch changes inside it. */
    private static final int RETRIES = 3;

    private final Net net;
    private final LossData data;
    private final BiFunction<NDList, NDList, NDArray> objective;
    private final Coordinates coordinates;
    private final HvpMethod method;
    private final NDManager scratch;
    private final Map<String, NDArray> point = new LinkedHashMap<>();
    private final List<NDArray> centres = new ArrayList<>();
    private final List<Double> centreScales = new ArrayList<>();
    private long products;
    private long branchChanges;

    private LossHessian(Net net, LossData data, BiFunction<NDList, NDList, NDArray> objective,
            Coordinates coordinates, HvpMethod method, Map<String, NDArray> shift) {
        this.net = net;
        this.data = data;
        this.objective = objective;
        this.coordinates = coordinates;
        this.method = method;
        this.scratch = net.manager().newSubManager();
        net.parameters().forEach((name, p) -> {
            NDArray value = p.getArray().toType(DataType.FLOAT64, true);
            if (shift.containsKey(name)) {
                value.addi(shift.get(name).toType(DataType.FLOAT64, false));
            }
            value.attach(scratch);
            point.put(name, value);
        });
    }

    /**
     * The Hessian of the softmax cross-entropy over the prunable weights, by central differences.
     *
     * @param net an initialised net; its current weights are the point
     * @param batches the data (copied: they may be closed afterwards)
     * @return the Hessian
     */
    public static LossHessian of(Net net, List<Batch> batches) {
        return of(net, batches, Loss.softmaxCrossEntropyLoss()::evaluate, net.prunableNames(), HvpMethod.FINITE_DIFFERENCES);
    }

    /**
     * @param net an initialised net; its current weights are the point
     * @param batches the data (copied: they may be closed afterwards)
     * @param objective the loss of one batch, {@code (labels, predictions) -> scalar}
     * @param names the weights the Hessian is taken over (the others stay fixed)
     * @param method how products are computed
     * @return the Hessian
     * @throws IllegalArgumentException for no batch, or double backpropagation on another engine than PyTorch
     */
    public static LossHessian of(Net net, List<Batch> batches, BiFunction<NDList, NDList, NDArray> objective,
            Collection<String> names, HvpMethod method) {
        Coordinates coordinates = Coordinates.of(net, names);
        if (method == HvpMethod.DOUBLE_BACKPROP && !"PyTorch".equals(net.manager().getEngine().getEngineName())) {
            throw new IllegalArgumentException("Double backpropagation needs the PyTorch engine, this net runs on "
                    + net.manager().getEngine().getEngineName() + "; use HvpMethod.FINITE_DIFFERENCES");
        }
        return new LossHessian(net, LossData.of(batches, net.manager()), objective, coordinates, method, Map.of());
    }

    /**
     * The same loss at shifted weights, e.g. to see how fast the Hessian changes.
     *
     * @param shift a flat vector u of {@link #dimension()} values
     * @return the Hessian at w + u (close it too)
     */
    public LossHessian at(NDArray shift) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            Map<String, NDArray> parts = coordinates.unflatten(shift.toDevice(scratch.getDevice(), false));
            LossHessian shifted = new LossHessian(net, data.shared(), objective, coordinates, method, parts);
            shifted.point.values().forEach(NDScope::unregister);
            return shifted;
        }
    }

    /** @return the flat coordinates the Hessian acts on */
    public Coordinates coordinates() {
        return coordinates;
    }

    @Override
    public long dimension() {
        return coordinates.dimension();
    }

    /** @return how products are computed */
    public HvpMethod method() {
        return method;
    }

    /** @return the number of Hessian-vector products computed so far, the unit of cost */
    public long products() {
        return products;
    }

    /**
     * @return how many finite differences saw a ReLU or max-pool switch branch inside their step and
     *     were retried with a smaller one (0 for smooth nets and for double backpropagation)
     */
    public long branchChanges() {
        return branchChanges;
    }

    /** @return the number of samples a product passes over, twice (forward and backward) */
    public long samplesPerProduct() {
        return data.samples();
    }

    /**
     * @return the loss gradient at the point, flat, float32, on the net's manager
     */
    public NDArray gradient() {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray total = pointGradient(0);
            for (int b = 1; b < data.batches(); b++) {
                total = total.add(pointGradient(b));
            }
            NDArray flat = total.toType(DataType.FLOAT32, true);
            NDScope.unregister(flat);
            flat.attach(net.manager());
            return flat;
        }
    }

    /**
     * @param v a flat vector of {@link #dimension()} values
     * @return H·v, flat, with v's data type, on v's manager and device
     */
    @Override
    public NDArray times(NDArray v) {
        if (v.getShape().dimension() != 1 || v.size() != dimension()) {
            throw new IllegalArgumentException("H·v needs a vector of " + dimension() + " values, got shape " + v.getShape());
        }
        // Every intermediate array (thousands per spectrum) is freed when the scope closes.
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray direction = v.toDevice(scratch.getDevice(), false).toType(DataType.FLOAT64, false);
            NDArray total = null;
            for (int b = 0; b < data.batches(); b++) {
                NDArray hv = method == HvpMethod.DOUBLE_BACKPROP ? doubleBackprop(b, direction)
                        : finiteDifferences(b, direction);
                total = total == null ? hv : total.add(hv);
            }
            NDArray product = total.toType(v.getDataType(), true).toDevice(v.getDevice(), false);
            NDScope.unregister(product);
            product.attach(v.getManager());
            products++;
            return product;
        }
    }

    /**
     * @param v one tensor per name, shaped like the weights
     * @return H·v, one tensor per name, on the manager of v's first tensor
     */
    public Map<String, NDArray> times(Map<String, NDArray> v) {
        NDArray flat = coordinates.flatten(v);
        NDArray product = times(flat);
        flat.close();
        return coordinates.unflatten(product);
    }

    private NDArray doubleBackprop(int batch, NDArray v) {
        Map<String, NDArray> direction = coordinates.unflatten(v);
        try (Leaves leaves = new Leaves(net, point, coordinates.names(), Map.of(), 0)) {
            NDArray first;
            try (GradientCollector collector = scratch.getEngine().newGradientCollector()) {
                NDArray loss = loss(leaves, batch);
                // createGraph: the gradient stays differentiable, so a second backward of ⟨g, v⟩ adds H·v to it.
                JniUtils.backward((PtNDArray) loss, (PtNDArray) loss.onesLike(), true, true);
                Map<String, NDArray> gradient = leaves.gradients(coordinates.names());
                // A copy, made before the second backward adds H·v into the gradients' storage.
                first = coordinates.flatten(gradient).stopGradient().duplicate();
                NDArray dot = null;
                for (String name : coordinates.names()) {
                    NDArray term = gradient.get(name).mul(direction.get(name)).sum();
                    dot = dot == null ? term : dot.add(term);
                }
                JniUtils.backward((PtNDArray) dot, (PtNDArray) dot.onesLike(), false, false);
            }
            NDArray product = coordinates.flatten(leaves.gradients(coordinates.names())).stopGradient().sub(first);
            product.attach(scratch);
            return product;
        }
    }

    /**
     * Central differences, guarded against branch changes: a ReLU or max-pool of the batch that
     * switches inside [w − εv, w + εv] makes the gradient jump by J, and the difference gains
     * J/2ε. Without a jump the second difference g₊ + g₋ − 2g₀ is O(ε²); with one it is about J.
     * On a jump the step shrinks (a switch point is then 16 times less likely to lie inside);
     * after {@link #RETRIES} the one-sided difference of smaller norm (the side without the jump) is used.
     */
    private NDArray finiteDifferences(int batch, NDArray v) {
        double largest = v.abs().max().getDouble();
        if (largest == 0) {
            return v.zerosLike();
        }
        Map<String, NDArray> direction = coordinates.unflatten(v);
        NDArray centre = pointGradient(batch);
        double scale = centreScales.get(batch);
        double eps = STEP / largest;
        for (int attempt = 0; ; attempt++) {
            NDArray plus = gradient(batch, direction, eps);
            NDArray minus = gradient(batch, direction, -eps);
            NDArray difference = plus.sub(minus);
            double spread = difference.abs().max().getDouble();
            double jump = plus.add(minus).sub(centre.mul(2)).abs().max().getDouble();
            boolean smooth = jump <= 1e-3 * spread + 1e-12 * (1 + scale);
            if (smooth) {
                return difference.div(2 * eps);
            }
            if (attempt == RETRIES) {
                NDArray forward = plus.sub(centre).div(eps);
                NDArray backward = centre.sub(minus).div(eps);
                return forward.norm().getDouble() <= backward.norm().getDouble() ? forward : backward;
            }
            branchChanges++;
            eps /= 16;
        }
    }

    /** The flat gradient at the point itself, computed once per batch (with its largest magnitude). */
    private NDArray pointGradient(int batch) {
        while (centres.size() <= batch) {
            centres.add(null);
            centreScales.add(0.0);
        }
        if (centres.get(batch) == null) {
            NDArray g = gradient(batch, Map.of(), 0);
            NDScope.unregister(g);
            centres.set(batch, g);
            centreScales.set(batch, g.abs().max().getDouble());
        }
        return centres.get(batch);
    }

    /** The flat gradient of one batch's loss at the point + scale · shift, in double precision, on the scratch manager. */
    private NDArray gradient(int batch, Map<String, NDArray> shift, double scale) {
        try (Leaves leaves = new Leaves(net, point, coordinates.names(), shift, scale)) {
            try (GradientCollector collector = scratch.getEngine().newGradientCollector()) {
                collector.backward(loss(leaves, batch));
            }
            NDArray gradient = coordinates.flatten(leaves.gradients(coordinates.names())).duplicate();
            gradient.attach(scratch);
            return gradient;
        }
    }

    private NDArray loss(Leaves leaves, int batch) {
        NDList predictions = net.block().forward(leaves, data.inputs(batch), false);
        return objective.apply(data.labels(batch), predictions);
    }

    /** Frees the double-precision copy of the weights, and of the data unless a shifted Hessian shares them. */
    @Override
    public void close() {
        scratch.close();
        data.close();
    }

    @Override
    public String toString() {
        return String.format("LossHessian(%s, d = %,d, %d samples, %s, %d products)", net.name(), dimension(),
                samplesPerProduct(), method, products);
    }
}
