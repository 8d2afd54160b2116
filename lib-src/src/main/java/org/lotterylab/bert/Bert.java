package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.initializer.NormalInitializer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.lotterylab.nn.NamedSequential;
import org.lotterylab.nn.Net;

/**
 * BERT nets with the Hugging Face layout and parameter names ({@code embeddings.word_embeddings.weight},
 * {@code encoder.layer.0.attention.self.query.weight}, ...).
 *
 * <p>Every net takes {@code NDList(tokenIds, typeIds, attentionMask)}, each int64 [B, T] (what
 * {@link BertTokenizer#encode} returns); padding (mask 0) is kept out of attention and pooling.
 * Following the essential-sparsity paper, the prunable set of every net is the encoder's linear
 * weights only (Q, K, V, attention output, intermediate, output of each layer), never the
 * embeddings or a head: sparsity is reported relative to that set.
 *
 * <pre>{@code
 * Net encoder = MiniLm.pretrained(manager);                        // pooled sentence embeddings
 * Net spam = Bert.classifier(encoder, 2, manager, 42);             // fine-tune from it
 * Net toy = Bert.maskedLm(BertConfig.tiny(tokenizer.vocabSize())).initialize(manager, 1);
 * }</pre>
 */
public final class Bert {

    /** The name of the embeddings block (the first part of its parameters' names). */
    static final String EMBEDDINGS = "embeddings";
    /** The name of the transformer stack; every prunable weight lives under it. */
    static final String ENCODER = "encoder";

    /** BERT's initializer_range: weights start from N(0, 0.02²). */
    private static final float INIT_STD = 0.02f;

    private Bert() {}

    /**
     * A sentence encoder: the mean of the token vectors over the attention mask, as
     * sentence-transformers pools all-MiniLM-L6-v2. Output: NDList(embedding [B, hidden]).
     */
    public static Net sentenceEncoder(BertConfig config) {
        return net("bert-encoder", config, config.hidden(), head -> head.add(new MeanPooling()));
    }

    /** A classifier: mean-pooled embedding, then a linear layer. Output: NDList(logits [B, classes]). */
    public static Net classifier(BertConfig config, int classes) {
        return net("bert-classifier", config, classes, head -> head.add(new MeanPooling()).add("classifier", linear(head.classes())));
    }

    /**
     * A classifier whose embeddings and encoder start from {@code pretrained}'s weights (any BERT
     * net of this package, e.g. {@link MiniLm#pretrained}) and whose head is fresh, drawn from
     * {@code seed}. The pretrained net is left as it is.
     *
     * @throws IllegalArgumentException if {@code pretrained} is not a BERT net
     * @throws IllegalStateException if it has no weights yet
     */
    public static Net classifier(Net pretrained, int classes, NDManager manager, long seed) {
        return withTrunkOf(pretrained, classifier(config(pretrained), classes).initialize(manager, seed));
    }

    /**
     * The encoder without pooling or head. Output: NDList(token embeddings [B, T, hidden]), Hugging
     * Face's {@code last_hidden_state}, padding positions included.
     */
    public static Net tokenEncoder(BertConfig config) {
        return net("bert-tokens", config, config.hidden(), head -> head.add(tokensOnly()));
    }

    /**
     * A {@link #tokenEncoder(BertConfig)} with {@code pretrained}'s embeddings and encoder, on
     * {@code manager}; the pretrained net is left as it is.
     *
     * @throws IllegalArgumentException if {@code pretrained} is not a BERT net
     * @throws IllegalStateException if it has no weights yet
     */
    public static Net tokenEncoder(Net pretrained, NDManager manager) {
        return withTrunkOf(pretrained, tokenEncoder(config(pretrained)).initialize(manager, pretrained.seed()));
    }

    /**
     * A masked language model as Hugging Face's {@code BertForMaskedLM}: a transform
     * (dense, GELU, LayerNorm) and a decoder to the vocabulary, not tied to the word embeddings.
     * Output: NDList(logits [B, T, vocab]).
     */
    public static Net maskedLm(BertConfig config) {
        return net("bert-mlm", config, config.vocabSize(), head -> head
                .add(tokensOnly())
                .add("cls", new NamedSequential().add("predictions", new NamedSequential()
                        .add("transform", new NamedSequential()
                                .add("dense", linear(config.hidden()))
                                .add(Gelu.block())
                                .add("LayerNorm", new Norm(config.hidden(), config.layerNormEps())))
                        .add("decoder", linear(head.classes())))));
    }

    private static BertConfig config(Net net) {
        if (!(net.block() instanceof BertModel model)) {
            throw new IllegalArgumentException("Net '" + net.name() + "' is not a BERT net of org.lotterylab.bert; "
                    + "build it with Bert or MiniLm");
        }
        net.manager(); // a net without weights fails here, with a message saying so
        return model.config();
    }

    /** Copies the embeddings and encoder of {@code source} into {@code target}; returns the target. */
    private static Net withTrunkOf(Net source, Net target) {
        Map<String, NDArray> trunk = new LinkedHashMap<>();
        source.parameters().forEach((name, p) -> {
            if (name.startsWith(EMBEDDINGS + ".") || name.startsWith(ENCODER + ".")) {
                trunk.put(name, p.getArray());
            }
        });
        target.load(trunk);
        return target;
    }

    /** Passes on the token embeddings and drops the attention mask that travels with them. */
    private static Block tokensOnly() {
        return new LambdaBlock(list -> new NDList(list.head()), "tokens");
    }

    /** Whether a convolution or linear weight is in the prunable set: the encoder's. */
    static boolean prunable(String name) {
        return name.startsWith(ENCODER + ".");
    }

    /** A linear layer whose input size is inferred at initialisation. */
    static Linear linear(int units) {
        return Linear.builder().setUnits(units).build();
    }

    /** The head being built: the block to add layers to and the number of outputs asked for. */
    private record Head(BertModel block, int classes) {
        Head add(Block layer) {
            block.add(layer);
            return this;
        }

        Head add(String name, Block layer) {
            block.add(name, layer);
            return this;
        }
    }

    private static Net net(String name, BertConfig config, int outputs, Function<Head, Head> head) {
        return new Net(name, new Shape(1, config.maxPositions()), outputs, classes -> {
            BertModel block = head.apply(new Head(new BertModel(config), classes)).block();
            block.setInitializer(new NormalInitializer(INIT_STD), Parameter.Type.WEIGHT);
            return block;
        }, Bert::prunable);
    }
}
