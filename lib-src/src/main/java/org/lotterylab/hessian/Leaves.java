package org.lotterylab.hessian;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.nn.Net;

/**
 * Stand-in values for a net's parameters, served to its block by this parameter store: the block
 * computes with them instead of its own weights, which it never touches. The parameters a Hessian
 * is taken over get fresh leaves each time, so gradients never accumulate across evaluations; the
 * others are served without gradient. The values may have another precision than the net (double
 * here, so that differences of gradients are not rounding noise).
 */
final class Leaves extends ParameterStore implements AutoCloseable {

    private final NDManager manager;
    private final Map<Parameter, NDArray> values = new IdentityHashMap<>();
    private final Map<String, NDArray> byName = new LinkedHashMap<>();

    /**
     * @param net the net whose block will run
     * @param point a value for every parameter of the net, by name
     * @param names the parameters that get fresh leaves with gradients; the others are served as
     *     they are in {@code point}, without gradient
     * @param shift added to the named values (a subset of the names), or empty
     * @param scale the factor of the shift
     */
    Leaves(Net net, Map<String, NDArray> point, Collection<String> names, Map<String, NDArray> shift, double scale) {
        super(point.values().iterator().next().getManager(), false);
        this.manager = getManager().newSubManager();
        net.parameters().forEach((name, parameter) -> {
            NDArray base = point.get(name);
            NDArray value = base;
            if (names.contains(name)) {
                value = shift.containsKey(name) ? base.add(shift.get(name).mul(scale)) : base.duplicate();
                value.attach(manager);
                value.setRequiresGradient(true);
            }
            values.put(parameter, value);
            byName.put(name, value);
        });
    }

    @Override
    public NDArray getValue(Parameter parameter, Device device, boolean training) {
        if (parameter == null) {
            return null; // a layer without bias asks for it all the same; DJL's own store answers null too
        }
        NDArray value = values.get(parameter);
        if (value == null) {
            throw new IllegalStateException("No stand-in value for parameter " + parameter.getName());
        }
        return value;
    }

    /**
     * @param names parameters that have leaves
     * @return their gradients after a backward pass, by name (views owned by the leaves)
     */
    Map<String, NDArray> gradients(Collection<String> names) {
        Map<String, NDArray> gradients = new LinkedHashMap<>();
        names.forEach(name -> gradients.put(name, byName.get(name).getGradient()));
        return gradients;
    }

    /** Frees the values and their gradients. */
    @Override
    public void close() {
        manager.close();
    }
}
