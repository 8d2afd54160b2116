package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.lotterylab.nn.Net;
import tech.tablesaw.api.Table;

/**
 * Named 0/1 tensors saying which weights of a {@link Net} are kept (1) and which are pruned (0).
 *
 * <p>A mask owns its tensors (on the net's device); close it, or the manager it came from, when
 * done. Operations return new masks and never change this one.
 *
 * <pre>{@code
 * Mask mask = Mask.ones(net);
 * Mask pruned = Prune.magnitude().global().prune(net, mask, 0.2);
 * pruned.applyTo(net);
 * display(pruned.report());
 * }</pre>
 */
public final class Mask implements AutoCloseable {

    private final NDManager manager;
    private final Map<String, NDArray> tensors;

    private Mask(NDManager manager, Map<String, NDArray> tensors) {
        this.manager = manager;
        this.tensors = tensors;
    }

    /**
     * Makes a mask from named 0/1 tensors (float32, same shapes as the weights they mask); the mask
     * takes ownership of them.
     *
     * @throws IllegalArgumentException if there are no tensors, or a tensor holds a value other
     *     than 0 and 1
     */
    public static Mask of(Map<String, NDArray> tensors) {
        if (tensors.isEmpty()) {
            throw new IllegalArgumentException("A mask needs at least one named tensor");
        }
        tensors.forEach(Mask::requireBinary);
        return of(tensors.values().iterator().next().getManager(), tensors);
    }

    /** A value between 0 and 1 would scale a weight while the mask still counted it as kept. */
    private static void requireBinary(String name, NDArray m) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray other = m.neq(0).logicalAnd(m.neq(1));
            long count = other.countNonzero().getLong();
            if (count > 0) {
                float example = m.booleanMask(other).get(0).toType(DataType.FLOAT32, false).getFloat();
                throw new IllegalArgumentException("Mask for '" + name + "' has " + count
                        + " values other than 0 and 1 (e.g. " + example + "): a mask keeps (1) or prunes (0) a weight, "
                        + "it must not scale it. Threshold it first, e.g. m.gt(0.5).toType(DataType.FLOAT32, false)");
            }
        }
    }

    // Every mask gets its own child of a long-lived manager, never of another mask's manager,
    // so that closing one mask cannot free the tensors of a mask derived from it.
    private static Mask of(NDManager parent, Map<String, NDArray> tensors) {
        NDManager manager = parent.newSubManager();
        Map<String, NDArray> copy = new LinkedHashMap<>(tensors);
        copy.values().forEach(t -> t.attach(manager));
        return new Mask(manager, copy);
    }

    /** Keeps every prunable weight of an initialised net. */
    public static Mask ones(Net net) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        net.prunableParameters().forEach((name, p) -> tensors.put(name, p.getArray().onesLike()));
        return of(tensors);
    }

    /**
     * Checks that the mask fits {@code net} (see {@link #applyTo}) and holds only 0s and 1s.
     *
     * @return this mask, for chaining
     * @throws IllegalArgumentException naming the parameter and what is wrong otherwise
     */
    public Mask validate(Net net) {
        fit(net);
        tensors.forEach(Mask::requireBinary);
        return this;
    }

    /**
     * Checks that every tensor names a parameter of {@code net} with its shape, and that every
     * prunable layer of the net has a tensor: an unmasked layer would silently train dense.
     */
    private void fit(Net net) {
        tensors.forEach((name, m) -> {
            if (!net.parameters().containsKey(name)) {
                throw new IllegalArgumentException("Mask has a tensor for '" + name + "' but net '" + net.name()
                        + "' has no such parameter (it has " + net.prunableNames()
                        + "); was the mask made for another model?");
            }
            Shape expected = net.parameter(name).getArray().getShape();
            if (!expected.equals(m.getShape())) {
                throw new IllegalArgumentException("Mask for '" + name + "' has shape " + m.getShape()
                        + " but the parameter of net '" + net.name() + "' has shape " + expected
                        + "; was the mask made for another model?");
            }
        });
        List<String> missing = net.prunableNames().stream().filter(name -> !tensors.containsKey(name)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Mask has no tensor for " + missing + ", prunable in net '" + net.name()
                    + "': unmasked, it would train dense. The mask covers " + tensors.keySet()
                    + ". Start from Mask.ones(net) and prune it, so that every prunable layer has a tensor");
        }
    }

    /**
     * Zeroes the pruned weights of {@code net} in place (w ← w ⊙ m), after checking that the mask
     * fits the net: a tensor for every prunable layer, each naming a parameter and of its shape.
     * (The values were checked when the mask was made; training calls this after every step.)
     *
     * @throws IllegalArgumentException naming the layer and what is wrong when the mask does not fit
     */
    public void applyTo(Net net) {
        fit(net);
        tensors.forEach((name, m) -> net.parameter(name).getArray().muli(m));
    }

    /**
     * Counts weights of {@code net} that are non-zero although this mask prunes them: 0 when the
     * mask holds (e.g. after training with masked updates).
     */
    public long revivedIn(Net net) {
        validate(net);
        long revived = 0;
        for (Map.Entry<String, NDArray> e : tensors.entrySet()) {
            try (NDArray alive = net.parameter(e.getKey()).getArray().neq(0).logicalAnd(e.getValue().eq(0))) {
                revived += alive.countNonzero().getLong();
            }
        }
        return revived;
    }

    /**
     * Keeps a weight only where both masks keep it.
     *
     * @throws IllegalArgumentException if the masks do not cover the same parameters
     */
    public Mask and(Mask other) {
        if (!tensors.keySet().equals(other.tensors.keySet())) {
            throw new IllegalArgumentException("Cannot combine masks over different parameters: "
                    + tensors.keySet() + " and " + other.tensors.keySet());
        }
        return map(name -> tensors.get(name).mul(other.tensors.get(name)));
    }

    /** Swaps kept and pruned weights (1 − m). */
    public Mask invert() {
        return map(name -> tensors.get(name).neg().add(1));
    }

    /** Returns a mask that takes ownership of the given tensors and copies the others from this one. */
    Mask with(Map<String, NDArray> replaced) {
        return map(name -> replaced.containsKey(name) ? replaced.get(name) : tensors.get(name).duplicate());
    }

    private Mask map(Function<String, NDArray> tensorFor) {
        Map<String, NDArray> result = new LinkedHashMap<>();
        tensors.keySet().forEach(name -> result.put(name, tensorFor.apply(name)));
        return of(manager.getParentManager(), result);
    }

    /** Returns the mask of one parameter (owned by this mask: do not close it). */
    public NDArray get(String name) {
        NDArray m = tensors.get(name);
        if (m == null) {
            throw new IllegalArgumentException("Mask has no tensor for '" + name + "'; it masks " + tensors.keySet());
        }
        return m;
    }

    /** Returns the names of the masked parameters, in forward order. */
    public Set<String> names() {
        return Collections.unmodifiableSet(tensors.keySet());
    }

    /**
     * The mask's tensors by parameter name, in forward order, e.g. to save them as a checkpoint.
     * They stay the mask's: closing the mask frees them.
     *
     * @return a read-only view
     */
    public Map<String, NDArray> tensors() {
        return Collections.unmodifiableMap(tensors);
    }

    /** Returns the number of weights covered by the mask. */
    public long total() {
        return tensors.values().stream().mapToLong(NDArray::size).sum();
    }

    /** Returns the number of weights covered by the mask in one parameter. */
    public long total(String name) {
        return get(name).size();
    }

    /** Returns the number of kept weights. */
    public long remaining() {
        return tensors.keySet().stream().mapToLong(this::remaining).sum();
    }

    /** Returns the number of kept weights in one parameter. */
    public long remaining(String name) {
        // countNonzero is exact; a float sum of ones is not beyond 2^24 weights.
        return get(name).countNonzero().getLong();
    }

    /**
     * Returns the fraction (0..1) of weights each layer keeps, by parameter name in forward order:
     * where a pruning method removed weights.
     */
    public Map<String, Double> densities() {
        Map<String, Double> byLayer = new LinkedHashMap<>();
        tensors.keySet().forEach(name -> byLayer.put(name, (double) remaining(name) / total(name)));
        return byLayer;
    }

    /** Returns the fraction of weights kept, in [0, 1]. */
    public double density() {
        return (double) remaining() / total();
    }

    /** Returns the fraction of weights pruned, in [0, 1]. */
    public double sparsity() {
        return 1 - density();
    }

    /** Returns a table of layer, shape, total, remaining and density %, with a total row. */
    public Table report() {
        return MaskReport.of(this);
    }

    /**
     * Writes the mask to {@code file} atomically (see {@link MaskFile} for the format).
     *
     * @throws IOException if the file cannot be written
     */
    public void save(Path file) throws IOException {
        MaskFile.write(file, tensors);
    }

    /**
     * Reads a mask written by {@link #save} onto {@code manager}'s device.
     *
     * @throws IOException naming the file if it is missing, truncated, corrupt, not a mask file or
     *     holds values other than 0 and 1
     */
    public static Mask load(Path file, NDManager manager) throws IOException {
        Map<String, NDArray> tensors = MaskFile.read(file, manager);
        try {
            return of(tensors);
        } catch (IllegalArgumentException e) {
            tensors.values().forEach(NDArray::close);
            throw new IOException("Mask file " + file + " is not a 0/1 mask: " + e.getMessage(), e);
        }
    }

    /** Two masks are equal when they mask the same parameters with the same 0/1 values. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Mask other) || !tensors.keySet().equals(other.tensors.keySet())) {
            return false;
        }
        return tensors.keySet().stream().allMatch(n -> tensors.get(n).contentEquals(other.tensors.get(n)));
    }

    @Override
    public int hashCode() {
        return tensors.keySet().hashCode();
    }

    @Override
    public String toString() {
        return String.format("Mask(%d layers, %,d of %,d weights remain, %.2f%%)",
                tensors.size(), remaining(), total(), 100 * density());
    }

    /** Frees the mask's tensors. */
    @Override
    public void close() {
        manager.close();
    }
}
