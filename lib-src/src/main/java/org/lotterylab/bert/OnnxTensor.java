package org.lotterylab.bert;

/**
 * One initializer of an ONNX graph: a named float32 tensor.
 *
 * @param name the initializer's name, e.g. {@code embeddings.word_embeddings.weight} or
 *     {@code onnx::MatMul_787}
 * @param dims its shape
 * @param values its values in row-major order
 */
record OnnxTensor(String name, long[] dims, float[] values) {}
