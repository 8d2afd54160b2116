/**
 * BERT in DJL: encoder blocks with the Hugging Face layout and parameter names, sentence-encoder,
 * classifier and masked-language-model nets ({@link org.lotterylab.bert.Bert}), the WordPiece
 * tokenizer ({@link org.lotterylab.bert.BertTokenizer}) and the pre-trained all-MiniLM-L6-v2
 * imported from its ONNX file ({@link org.lotterylab.bert.MiniLm}), checked against ONNX Runtime
 * ({@link org.lotterylab.bert.OnnxRuntimeMiniLm}) and served by a DJL model zoo
 * ({@link org.lotterylab.bert.PretrainedZoo}).
 *
 * <pre>{@code
 * Net minilm = MiniLm.pretrained(manager);
 * try (BertTokenizer tokenizer = BertTokenizer.miniLm()) {
 *     NDArray embeddings = minilm.forward(tokenizer.encode(manager, subjects, 128), false).head();
 * }
 * Mask omp = Prune.magnitude().global().prune(minilm, Mask.ones(minilm), 0.5);   // encoder matrices only
 * }</pre>
 *
 * <p>The blocks have no dropout: the models here are probed, fine-tuned briefly or pre-trained at
 * toy scale, where it matters little, and leaving it out keeps a forward pass deterministic.
 */
package org.lotterylab.bert;
