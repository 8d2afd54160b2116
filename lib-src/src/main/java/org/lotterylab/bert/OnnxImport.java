package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.nn.Net;

/**
 * Maps the initializers of a PyTorch-exported BERT ONNX graph onto the parameters of a
 * {@link Bert} net.
 *
 * <p>Embeddings, LayerNorms and biases keep their Hugging Face names in the export, which are the
 * net's names. The linear weights do not: the exporter folds each {@code nn.Linear} into a
 * {@code MatMul} with an anonymous, pre-transposed initializer ({@code onnx::MatMul_787}, laid
 * out [in, out]) followed by an {@code Add} of the named bias. So each such weight is named
 * after the bias that the {@code Add} consuming its {@code MatMul}'s output adds
 * ({@code encoder.layer.0.attention.self.query.bias} → {@code ...query.weight}) and transposed to
 * DJL's [out, in].
 */
final class OnnxImport {

    private static final String BIAS = ".bias";
    private static final String WEIGHT = ".weight";

    private OnnxImport() {}

    /**
     * Returns a value for every parameter of {@code net}, on {@code manager}.
     *
     * @throws IllegalArgumentException naming what is missing or mis-shaped, if the graph is not an
     *     export of this architecture
     */
    static Map<String, NDArray> weights(OnnxGraph graph, Net net, NDManager manager) {
        Map<String, OnnxTensor> linear = linearWeights(graph);
        Map<String, Source> sources = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        net.parameters().forEach((name, parameter) -> {
            Optional<Source> source = Optional.ofNullable(graph.initializers().get(name)).map(t -> new Source(t, false))
                    .or(() -> Optional.ofNullable(linear.get(name)).map(t -> new Source(t, true)));
            source.ifPresentOrElse(s -> {
                Shape expected = parameter.getArray().getShape();
                if (!s.shape().equals(expected)) {
                    throw new IllegalArgumentException("initializer for " + name + " has shape " + s.shape()
                            + " where the model needs " + expected);
                }
                sources.put(name, s);
            }, () -> missing.add(name));
        });
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no initializer for " + missing.size() + " of the model's "
                    + net.parameters().size() + " parameters, e.g. " + missing.get(0));
        }
        Map<String, NDArray> values = new LinkedHashMap<>();
        sources.forEach((name, s) -> values.put(name, s.create(manager)));
        return values;
    }

    /** An initializer and whether it holds a linear weight in ONNX's [in, out] layout. */
    private record Source(OnnxTensor tensor, boolean transposed) {
        Shape shape() {
            Shape shape = new Shape(tensor.dims());
            return transposed ? new Shape(shape.get(1), shape.get(0)) : shape;
        }

        NDArray create(NDManager manager) {
            NDArray array = manager.create(tensor.values(), new Shape(tensor.dims()));
            return transposed ? array.transpose() : array;
        }
    }

    /** The MatMul weights, by the name of the linear weight they are, still [in, out]. */
    private static Map<String, OnnxTensor> linearWeights(OnnxGraph graph) {
        Map<String, OnnxNode> consumer = new HashMap<>();
        graph.nodes().forEach(node -> node.inputs().forEach(input -> consumer.putIfAbsent(input, node)));
        Map<String, OnnxTensor> weights = new HashMap<>();
        graph.initializers().forEach((name, tensor) -> {
            OnnxNode matMul = consumer.get(name);
            if (matMul == null || !matMul.op().equals("MatMul") || matMul.outputs().isEmpty()) {
                return;
            }
            OnnxNode add = consumer.get(matMul.outputs().get(0));
            if (add == null || !add.op().equals("Add")) {
                return;
            }
            add.inputs().stream().filter(input -> input.endsWith(BIAS)).findFirst().ifPresent(bias ->
                    weights.put(bias.substring(0, bias.length() - BIAS.length()) + WEIGHT, tensor));
        });
        return weights;
    }
}
