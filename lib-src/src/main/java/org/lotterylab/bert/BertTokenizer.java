package org.lotterylab.bert;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.data.CorruptDataException;
import org.lotterylab.data.DataCache;

/**
 * BERT's WordPiece tokenizer from a Hugging Face {@code tokenizer.json}, run by DJL's
 * {@link HuggingFaceTokenizer} (the Rust tokenizers library, whose jar ships the native code).
 *
 * <p>{@link #encode} gives exactly the three inputs every {@link Bert} net takes. Batches are
 * padded to their longest sentence, not to {@code maxLength}, which keeps short sentences cheap.
 *
 * <pre>{@code
 * try (BertTokenizer tokenizer = BertTokenizer.miniLm()) {
 *     NDList inputs = tokenizer.encode(manager, List.of("hello world", "free money!"), 128);
 * }
 * }</pre>
 */
public final class BertTokenizer implements AutoCloseable {

    private static final String FILE = "tokenizer.json";

    private final Path file;
    private final Map<String, Long> vocab;
    private final HuggingFaceTokenizer whole;
    /** One native tokenizer per maximum length: the length is fixed when one is built. */
    private final Map<Integer, HuggingFaceTokenizer> truncating = new HashMap<>();

    private BertTokenizer(Path file) {
        this.file = file;
        this.vocab = readVocab(file);
        this.whole = build(file, Map.of("padding", "false", "truncation", "false"));
    }

    /**
     * The tokenizer of all-MiniLM-L6-v2 (BERT's uncased vocabulary), from
     * {@code <data>/minilm/tokenizer.json}.
     *
     * @throws org.lotterylab.data.MissingDataException if the file has not been fetched
     */
    public static BertTokenizer miniLm() {
        return of(DataCache.standard().require(MiniLm.DATASET, FILE));
    }

    /**
     * A tokenizer from a Hugging Face {@code tokenizer.json} with a WordPiece vocabulary.
     *
     * @throws CorruptDataException if the file is not such a tokenizer
     */
    public static BertTokenizer of(Path tokenizerJson) {
        return new BertTokenizer(tokenizerJson);
    }

    /**
     * Tokenizes a batch: {@code [CLS] pieces [SEP]}, truncated to {@code maxLength} tokens and
     * padded to the longest sentence of the batch.
     *
     * @return NDList(tokenIds, typeIds, attentionMask), each int64 [texts, length] on the manager's device
     * @throws IllegalArgumentException for an empty batch or a maxLength below 2
     */
    public NDList encode(NDManager manager, List<String> texts, int maxLength) {
        if (texts.isEmpty() || maxLength < 2) {
            throw new IllegalArgumentException("Encoding needs at least one text and maxLength >= 2 (room for [CLS] and [SEP]), got "
                    + texts.size() + " texts and maxLength " + maxLength);
        }
        Encoding[] encodings = truncating.computeIfAbsent(maxLength, length -> build(file, Map.of(
                "padding", "longest", "truncation", "true", "maxLength", Integer.toString(length)))).batchEncode(texts);
        int length = encodings[0].getIds().length;
        long[][] columns = new long[3][texts.size() * length];
        for (int i = 0; i < encodings.length; i++) {
            System.arraycopy(encodings[i].getIds(), 0, columns[0], i * length, length);
            System.arraycopy(encodings[i].getTypeIds(), 0, columns[1], i * length, length);
            System.arraycopy(encodings[i].getAttentionMask(), 0, columns[2], i * length, length);
        }
        NDList inputs = new NDList();
        Arrays.stream(columns).forEach(c -> inputs.add(manager.create(c, new Shape(texts.size(), length))));
        return inputs;
    }

    /** Returns the word pieces of one text, with {@code [CLS]} and {@code [SEP]}. */
    public List<String> tokens(String text) {
        return whole.tokenize(text);
    }

    /** Returns the number of word pieces, the size a {@link BertConfig} needs. */
    public int vocabSize() {
        return vocab.size();
    }

    /** Returns the id of {@code [MASK]}, for masked-language-model training. */
    public long maskId() {
        return id("[MASK]");
    }

    /** Returns the id of {@code [PAD]}. */
    public long padId() {
        return id("[PAD]");
    }

    /** Returns the id of {@code [CLS]}. */
    public long clsId() {
        return id("[CLS]");
    }

    /** Returns the id of {@code [SEP]}. */
    public long sepId() {
        return id("[SEP]");
    }

    @Override
    public void close() {
        whole.close();
        truncating.values().forEach(HuggingFaceTokenizer::close);
    }

    private long id(String token) {
        Long id = vocab.get(token);
        if (id == null) {
            throw new IllegalStateException(file + " has no " + token + " token; is it a BERT WordPiece tokenizer?");
        }
        return id;
    }

    private static HuggingFaceTokenizer build(Path file, Map<String, String> options) {
        try {
            return HuggingFaceTokenizer.newInstance(file, options);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tokenizer " + file, e);
        }
    }

    /** The WordPiece vocabulary: {@code model.vocab} of tokenizer.json, token → id. */
    private static Map<String, Long> readVocab(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            JsonObject vocab = JsonParser.parseReader(reader).getAsJsonObject()
                    .getAsJsonObject("model").getAsJsonObject("vocab");
            Map<String, Long> ids = new HashMap<>();
            vocab.entrySet().forEach(e -> ids.put(e.getKey(), e.getValue().getAsLong()));
            return ids;
        } catch (IOException | RuntimeException e) {
            throw new CorruptDataException(file, "not a Hugging Face tokenizer.json with a WordPiece vocabulary (model.vocab)", e);
        }
    }
}
