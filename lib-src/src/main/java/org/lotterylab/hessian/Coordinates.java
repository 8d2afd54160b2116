package org.lotterylab.hessian;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * The flat coordinates of some named weights: the space a Hessian acts on. Weight {@code i} of
 * the flat vector is element {@code i - offset(name)} (row-major) of the named tensor whose range
 * holds {@code i}; names keep the order given, usually the net's forward order.
 */
public final class Coordinates {

    private final Map<String, Shape> shapes;
    private final Map<String, Long> offsets = new LinkedHashMap<>();
    private final long dimension;

    private Coordinates(Map<String, Shape> shapes) {
        this.shapes = shapes;
        long offset = 0;
        for (Map.Entry<String, Shape> e : shapes.entrySet()) {
            offsets.put(e.getKey(), offset);
            offset += e.getValue().size();
        }
        this.dimension = offset;
    }

    /**
     * @param net an initialised net
     * @param names some of its parameters, e.g. {@code net.prunableNames()}
     * @return their flat coordinates
     * @throws IllegalArgumentException for no name or a name the net does not have
     */
    public static Coordinates of(Net net, Collection<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("Coordinates need at least one parameter name, e.g. net.prunableNames()");
        }
        Map<String, Shape> shapes = new LinkedHashMap<>();
        names.forEach(n -> shapes.put(n, net.parameter(n).getArray().getShape()));
        return new Coordinates(shapes);
    }

    /** @return the number of coordinates, the sum of the tensors' sizes */
    public long dimension() {
        return dimension;
    }

    /** @return the names, in coordinate order */
    public List<String> names() {
        return List.copyOf(shapes.keySet());
    }

    /**
     * @param tensors one tensor per name, shaped like the weight
     * @return their concatenation as one 1-D vector, on the tensors' manager
     */
    public NDArray flatten(Map<String, NDArray> tensors) {
        NDList parts = new NDList();
        for (String name : shapes.keySet()) {
            NDArray t = tensors.get(name);
            if (t == null || !t.getShape().equals(shapes.get(name))) {
                throw new IllegalArgumentException("flatten needs a tensor of shape " + shapes.get(name) + " for '" + name
                        + "', got " + (t == null ? "none" : t.getShape().toString()));
            }
            parts.add(t.flatten());
        }
        return parts.size() == 1 ? parts.head() : NDArrays.concat(parts);
    }

    /**
     * @param flat a 1-D vector of {@link #dimension()} values
     * @return one tensor per name, shaped like the weight, on the vector's manager
     */
    public Map<String, NDArray> unflatten(NDArray flat) {
        if (flat.getShape().dimension() != 1 || flat.size() != dimension) {
            throw new IllegalArgumentException("unflatten needs a vector of " + dimension + " values, got shape " + flat.getShape());
        }
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        shapes.forEach((name, shape) -> {
            long from = offsets.get(name);
            tensors.put(name, flat.get(from + ":" + (from + shape.size())).reshape(shape));
        });
        return tensors;
    }

    @Override
    public String toString() {
        return String.format("Coordinates(%,d over %s)", dimension, shapes.keySet());
    }
}
