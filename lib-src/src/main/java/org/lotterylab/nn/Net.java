package org.lotterylab.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.lotterylab.EngineSetup;

/**
 * A model for pruning research: a DJL {@link Block} plus what pruning needs to know about it.
 *
 * <p>Parameters are named by their path of layer names joined with dots, PyTorch style:
 * {@code fc1.weight}, {@code stage2.block1.conv1.weight}. The prunable parameters are the weights
 * of convolution and linear layers (not biases, not BatchNorm), in forward order; the last one is
 * the output layer. A net may restrict pruning to some of them (a transformer's encoder but not its
 * head). A net is built uninitialised; {@link #initialize(NDManager, long)} draws its
 * weights deterministically from a seed on the manager's device, by DJL's default unless
 * {@link #withWeightInitializer} says otherwise: weights from N(0, 2 / fan-in) (He, "Kaiming"
 * normal: {@code XavierInitializer(GAUSSIAN, IN, 2)}), biases 0.
 *
 * <pre>{@code
 * Net net = Models.lenet300100(10).initialize(manager, 42);
 * Map<String, NDArray> init = net.weights();   // snapshot for rewinding
 * ...
 * net.load(init);                               // rewind
 * }</pre>
 */
public final class Net {

    private final String name;
    private final Shape inputShape;
    private final int classes;
    private final IntFunction<Block> architecture;
    private final Predicate<String> prunablePredicate;
    private final Block block;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final List<String> layers = new ArrayList<>();
    private final List<String> prunable;
    private NDManager manager;
    private long seed;

    /**
     * Creates an uninitialised net.
     *
     * @param name a short name, e.g. "lenet5"
     * @param inputShape the shape of a batch of one input, e.g. (1, 1, 28, 28)
     * @param classes the number of outputs
     * @param architecture builds the block for a number of classes; lets {@link #withOutputClasses}
     *     and {@link #copy} rebuild the same architecture
     */
    public Net(String name, Shape inputShape, int classes, IntFunction<Block> architecture) {
        this(name, inputShape, classes, architecture, layer -> true);
    }

    /**
     * Creates an uninitialised net whose prunable set is a subset of its convolution and linear
     * weights, e.g. a transformer's encoder matrices but not its task head.
     *
     * @param name a short name, e.g. "minilm"
     * @param inputShape the shape of a batch of one input; {@link #initialize} passes it to the block
     * @param classes the number of outputs
     * @param architecture builds the block for a number of classes
     * @param prunable which convolution and linear weights (by parameter name) pruning may touch
     */
    public Net(String name, Shape inputShape, int classes, IntFunction<Block> architecture, Predicate<String> prunable) {
        if (classes < 1) {
            throw new IllegalArgumentException("A net needs at least one output class, got " + classes);
        }
        this.name = name;
        this.inputShape = inputShape;
        this.classes = classes;
        this.architecture = architecture;
        this.block = architecture.apply(classes);
        this.prunablePredicate = prunable;
        collect("", block);
        this.prunable = layers.stream().filter(prunable).toList();
        if (this.prunable.isEmpty()) {
            throw new IllegalArgumentException(
                    "Net '" + name + "' has no prunable convolution or linear layer, so nothing could be pruned");
        }
    }

    private void collect(String prefix, Block layer) {
        layer.getDirectParameters().forEach(p -> {
            String path = prefix + p.getKey();
            parameters.put(path, p.getValue());
            boolean weight = p.getValue().getType() == Parameter.Type.WEIGHT;
            if (weight && (layer instanceof Convolution || layer instanceof Linear)) {
                layers.add(path);
            }
        });
        layer.getChildren().forEach(c -> collect(prefix + c.getKey() + ".", c.getValue()));
    }

    /**
     * Draws fresh weights from {@code seed} on the manager's device; the same seed gives the same
     * weights. Re-initialising an initialised net replaces its weights.
     *
     * @param manager owns the weights and decides the device
     * @param seed the random seed
     * @return this net
     */
    public Net initialize(NDManager manager, long seed) {
        EngineSetup.ensure();
        // The engine's generator is the only source DJL's initializers draw from; it takes an int.
        manager.getEngine().setRandomSeed(Long.hashCode(seed));
        allocate(manager, seed);
        return this;
    }

    private void allocate(NDManager manager, long seed) {
        GradientMode.offOnThisThread(manager.getEngine());
        if (block.isInitialized()) {
            block.clear();
        }
        block.initialize(manager, DataType.FLOAT32, inputShape);
        this.manager = manager;
        this.seed = seed;
    }

    /** Returns whether {@link #initialize} has been called. */
    public boolean isInitialized() {
        return manager != null;
    }

    /**
     * Returns the manager that owns the weights.
     *
     * @throws IllegalStateException if the net is not initialised
     */
    public NDManager manager() {
        if (manager == null) {
            throw new IllegalStateException("Net '" + name + "' has no weights yet: call net.initialize(manager, seed) first");
        }
        return manager;
    }

    /** Runs the net on a batch without a trainer (for pruning criteria and checks). */
    public NDList forward(NDList inputs, boolean training) {
        return block.forward(new ParameterStore(manager(), false), inputs, training);
    }

    /**
     * Returns this architecture with every weight (not bias, not normalisation) drawn by another
     * initializer, e.g. Gaussian Glorot as Frankle &amp; Carbin draw theirs:
     * {@code new XavierInitializer(RandomType.GAUSSIAN, FactorType.AVG, 1)}, N(0, 2 / (fan-in + fan-out)).
     * The initializer belongs to the architecture, so copies, re-initialisations and
     * {@link #withOutputClasses} keep it.
     *
     * @param initializer how to draw the weights
     * @return a new uninitialised net
     * @throws IllegalStateException when this net is initialised already (its weights were drawn otherwise)
     */
    public Net withWeightInitializer(Initializer initializer) {
        if (isInitialized()) {
            throw new IllegalStateException("Net '" + name + "' is initialised already: choose its initializer before "
                    + "calling initialize(manager, seed)");
        }
        return new Net(name, inputShape, classes, k -> {
            Block built = architecture.apply(k);
            built.setInitializer(initializer, Parameter.Type.WEIGHT);
            return built;
        }, prunablePredicate);
    }

    /**
     * Returns a net with a fresh output layer for {@code classes} classes. If this net is
     * initialised, the new one lives on the same manager, shares no arrays with this one, copies
     * every other layer's weights and draws the new output layer from this net's seed.
     */
    public Net withOutputClasses(int classes) {
        Net other = new Net(name, inputShape, classes, architecture, prunablePredicate);
        if (isInitialized()) {
            other.initialize(manager, seed);
            String head = outputLayer().substring(0, outputLayer().lastIndexOf('.') + 1);
            Map<String, NDArray> trunk = new LinkedHashMap<>();
            parameters.forEach((n, p) -> {
                if (!n.startsWith(head)) {
                    trunk.put(n, p.getArray());
                }
            });
            other.load(trunk);
        }
        return other;
    }

    /**
     * Returns an independent copy whose weights live on {@code target} (any device). Unlike
     * {@link #initialize}, copying does not reseed the engine's generator.
     */
    public Net copy(NDManager target) {
        Net other = new Net(name, inputShape, classes, architecture, prunablePredicate);
        if (isInitialized()) {
            other.allocate(target, seed);
            Map<String, NDArray> all = new LinkedHashMap<>();
            parameters.forEach((n, p) -> all.put(n, p.getArray()));
            other.load(all);
        }
        return other;
    }

    /**
     * Returns a snapshot of every parameter (weights, biases, BatchNorm statistics), for rewinding.
     * The copies belong to the net's manager; close them when they are no longer needed.
     */
    public Map<String, NDArray> weights() {
        Map<String, NDArray> snapshot = new LinkedHashMap<>();
        parameters.forEach((n, p) -> snapshot.put(n, p.getArray().duplicate()));
        return snapshot;
    }

    /**
     * Copies the given values into the named parameters in place; parameters not named keep their
     * values.
     *
     * @throws IllegalArgumentException for an unknown name or a shape that does not fit
     */
    public void load(Map<String, NDArray> values) {
        values.forEach((n, value) -> {
            NDArray target = parameter(n).getArray();
            if (!target.getShape().equals(value.getShape())) {
                throw new IllegalArgumentException("Cannot load " + n + ": the net has shape " + target.getShape()
                        + " but the value has shape " + value.getShape() + "; was it saved from another model?");
            }
            // In place, on the target's device: a trainer may hold this very array.
            target.set(new NDIndex(":"), value.toDevice(target.getDevice(), false));
        });
    }

    /** Returns the short name, e.g. "lenet5". */
    public String name() {
        return name;
    }

    /** Returns the wrapped DJL block, e.g. to build a DJL {@code Model} or {@code Trainer}. */
    public Block block() {
        return block;
    }

    /** Returns the shape of a batch of one input, e.g. (1, 1, 28, 28). */
    public Shape inputShape() {
        return inputShape;
    }

    /** Returns the seed of the last {@link #initialize} (0 before). */
    public long seed() {
        return seed;
    }

    /** Returns the number of output classes. */
    public int classes() {
        return classes;
    }

    /** Returns every parameter by name, in block order. */
    public Map<String, Parameter> parameters() {
        return Collections.unmodifiableMap(parameters);
    }

    /**
     * Returns the named parameter.
     *
     * @throws IllegalArgumentException if there is no such parameter
     */
    public Parameter parameter(String name) {
        Parameter p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("Net '" + this.name + "' has no parameter '" + name
                    + "'; its parameters are " + parameters.keySet());
        }
        return p;
    }

    /** Returns the names of the prunable convolution and linear weights, in forward order. */
    public List<String> prunableNames() {
        return Collections.unmodifiableList(prunable);
    }

    /** Returns the prunable convolution and linear weights by name, in forward order. */
    public Map<String, Parameter> prunableParameters() {
        Map<String, Parameter> result = new LinkedHashMap<>();
        prunable.forEach(n -> result.put(n, parameters.get(n)));
        return result;
    }

    /**
     * Returns the name of the output layer's weight, e.g. "fc3.weight": the last convolution or
     * linear weight, whether prunable or not.
     */
    public String outputLayer() {
        return layers.get(layers.size() - 1);
    }

    /** Returns the number of scalars in all parameters (requires an initialised net). */
    public long parameterCount() {
        manager();
        return parameters.values().stream().mapToLong(p -> p.getArray().size()).sum();
    }

    @Override
    public String toString() {
        String size = isInitialized() ? String.format("%,d parameters, ", parameterCount()) : "uninitialised, ";
        return name + " (" + size + prunable.size() + " prunable layers, input " + inputShape + ")";
    }
}
