package org.lotterylab.bert;

/**
 * The size of a BERT encoder, with the field names of Hugging Face's {@code config.json}
 * (vocab_size, hidden_size, num_hidden_layers, num_attention_heads, intermediate_size,
 * max_position_embeddings, type_vocab_size, layer_norm_eps).
 *
 * <pre>{@code
 * BertConfig minilm = BertConfig.miniLmL6();          // all-MiniLM-L6-v2
 * BertConfig toy = BertConfig.tiny(tokenizer.vocabSize());
 * }</pre>
 *
 * @param vocabSize the number of word pieces
 * @param hidden the width of every token's vector
 * @param layers the number of transformer layers
 * @param heads the number of attention heads; must divide {@code hidden}
 * @param intermediate the width of the feed-forward layer
 * @param maxPositions the longest sequence the position embeddings cover
 * @param typeVocabSize the number of token types (segments)
 * @param layerNormEps the epsilon of every LayerNorm
 */
public record BertConfig(
        int vocabSize, int hidden, int layers, int heads, int intermediate, int maxPositions, int typeVocabSize,
        float layerNormEps) {

    /** Validates the sizes. */
    public BertConfig {
        positive("vocabSize", vocabSize);
        positive("hidden", hidden);
        positive("layers", layers);
        positive("heads", heads);
        positive("intermediate", intermediate);
        positive("maxPositions", maxPositions);
        positive("typeVocabSize", typeVocabSize);
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden (" + hidden + ") must be a multiple of heads (" + heads
                    + "): every head attends over hidden / heads dimensions");
        }
        if (!(layerNormEps > 0)) {
            throw new IllegalArgumentException("layerNormEps must be positive, got " + layerNormEps);
        }
    }

    /** all-MiniLM-L6-v2: 6 layers of width 384, 12 heads, BERT's uncased vocabulary. */
    public static BertConfig miniLmL6() {
        return new BertConfig(30522, 384, 6, 12, 1536, 512, 2, 1e-12f);
    }

    /**
     * A toy encoder for tests and for pre-training on a CPU in minutes: 2 layers of width 64,
     * 2 heads, feed-forward 256, 128 positions.
     *
     * @param vocabSize the tokenizer's vocabulary size
     */
    public static BertConfig tiny(int vocabSize) {
        return new BertConfig(vocabSize, 64, 2, 2, 256, 128, 2, 1e-12f);
    }

    /** Returns the width of one attention head. */
    public int headSize() {
        return hidden / heads;
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("BertConfig." + field + " must be at least 1, got " + value);
        }
    }
}
