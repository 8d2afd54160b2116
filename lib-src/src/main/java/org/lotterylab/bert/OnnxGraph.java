package org.lotterylab.bert;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of an ONNX model that an import needs: its float32 initializers and its nodes.
 *
 * <p>Read straight from the protobuf wire format with protobuf-java's {@link CodedInputStream}, as
 * no generated ONNX classes are on the class path; the field numbers below are those of
 * <a href="https://github.com/onnx/onnx/blob/main/onnx/onnx.proto">onnx.proto</a>. Fields the
 * import does not need are skipped.
 *
 * @param initializers the float32 initializers by name, in file order
 * @param nodes the graph's nodes, in file (topological) order
 * @param outputs the names of the graph's outputs
 */
record OnnxGraph(Map<String, OnnxTensor> initializers, List<OnnxNode> nodes, List<String> outputs) {

    // ModelProto
    private static final int MODEL_GRAPH = 7;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_OUTPUT = 12;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_OP_TYPE = 4;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_FLOAT_DATA = 4;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    private static final int TENSOR_DATA_LOCATION = 14;
    // ValueInfoProto
    private static final int VALUE_INFO_NAME = 1;
    // TensorProto.DataType.FLOAT and TensorProto.DataLocation.EXTERNAL
    private static final int FLOAT = 1;
    private static final int EXTERNAL = 1;

    /**
     * Reads a model file.
     *
     * @throws IOException if the file cannot be read or is not an ONNX model (not protobuf, or no graph)
     */
    static OnnxGraph read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size());
            CodedInputStream in = CodedInputStream.newInstance(bytes);
            Optional<OnnxGraph> graph = Optional.empty();
            for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
                if (WireFormat.getTagFieldNumber(tag) == MODEL_GRAPH) {
                    graph = Optional.of(readGraph(in));
                } else {
                    in.skipField(tag);
                }
            }
            return graph.orElseThrow(() -> new IOException("the file holds no ONNX graph"));
        }
    }

    private static OnnxGraph readGraph(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        Map<String, OnnxTensor> initializers = new LinkedHashMap<>();
        List<OnnxNode> nodes = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case GRAPH_NODE -> nodes.add(readNode(in));
                case GRAPH_INITIALIZER -> readTensor(in).ifPresent(t -> initializers.put(t.name(), t));
                case GRAPH_OUTPUT -> outputs.add(readName(in));
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return new OnnxGraph(initializers, nodes, outputs);
    }

    private static OnnxNode readNode(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        List<String> inputs = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        String op = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case NODE_INPUT -> inputs.add(in.readString());
                case NODE_OUTPUT -> outputs.add(in.readString());
                case NODE_OP_TYPE -> op = in.readString();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return new OnnxNode(op, inputs, outputs);
    }

    /** The name of a ValueInfoProto (a graph input or output). */
    private static String readName(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        String name = "";
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            if (WireFormat.getTagFieldNumber(tag) == VALUE_INFO_NAME) {
                name = in.readString();
            } else {
                in.skipField(tag);
            }
        }
        in.popLimit(limit);
        return name;
    }

    /** A float32 tensor stored in the file; other types (int64 shape constants) are skipped. */
    private static Optional<OnnxTensor> readTensor(CodedInputStream in) throws IOException {
        int limit = in.pushLimit(in.readRawVarint32());
        List<Long> dims = new ArrayList<>();
        List<Float> floats = new ArrayList<>();
        ByteBuffer raw = null;
        String name = "";
        int type = 0;
        int location = 0;
        for (int tag = in.readTag(); tag != 0; tag = in.readTag()) {
            switch (WireFormat.getTagFieldNumber(tag)) {
                case TENSOR_DIMS -> readRepeated(in, tag, () -> dims.add(in.readInt64()));
                case TENSOR_DATA_TYPE -> type = in.readInt32();
                case TENSOR_FLOAT_DATA -> readRepeated(in, tag, () -> floats.add(in.readFloat()));
                case TENSOR_NAME -> name = in.readString();
                case TENSOR_RAW_DATA -> raw = in.readByteBuffer();
                case TENSOR_DATA_LOCATION -> location = in.readEnum();
                default -> in.skipField(tag);
            }
        }
        in.popLimit(limit);
        if (type != FLOAT) {
            return Optional.empty();
        }
        if (location == EXTERNAL) {
            throw new IOException("initializer " + name + " keeps its data in an external file; expected a self-contained model");
        }
        long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
        return Optional.of(new OnnxTensor(name, shape, raw == null ? unbox(floats) : littleEndian(raw)));
    }

    /** Reads a repeated scalar field, packed (one length-delimited run) or not (one value per tag). */
    private static void readRepeated(CodedInputStream in, int tag, ScalarReader element) throws IOException {
        if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
            element.read();
            return;
        }
        int limit = in.pushLimit(in.readRawVarint32());
        while (in.getBytesUntilLimit() > 0) {
            element.read();
        }
        in.popLimit(limit);
    }

    private static float[] littleEndian(ByteBuffer raw) {
        float[] values = new float[raw.remaining() / Float.BYTES];
        raw.order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(values);
        return values;
    }

    private static float[] unbox(List<Float> floats) {
        float[] values = new float[floats.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = floats.get(i);
        }
        return values;
    }

    /** Reads one element of a repeated field. */
    @FunctionalInterface
    private interface ScalarReader {
        void read() throws IOException;
    }
}
