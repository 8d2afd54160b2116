package org.lotterylab.bert;

import java.util.List;

/**
 * One operator of an ONNX graph.
 *
 * @param op the operator type, e.g. {@code MatMul}
 * @param inputs the names of the values it reads (initializers or other nodes' outputs)
 * @param outputs the names of the values it writes
 */
record OnnxNode(String op, List<String> inputs, List<String> outputs) {}
