package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The most frequent word pieces of a corpus, renumbered 0..size−1, for a tiny BERT pre-trained
 * from scratch: its masked-LM head then predicts over a few thousand tokens instead of 30 522, which
 * is what makes pre-training on a CPU affordable. Rarer pieces become [UNK].
 *
 * <p>The new ids are: 0 [PAD], 1 [CLS], 2 [SEP], 3 [MASK], 4 [UNK], then the corpus' pieces from
 * the most frequent (ties by the smaller original id, so the numbering is reproducible).
 *
 * <pre>{@code
 * var vocab = CompactVocabulary.fromCorpus(ids, 4000, tok.padId(), tok.clsId(), tok.sepId(), tok.maskId());
 * NDArray compact = vocab.map(ids);
 * MlmMasking masking = vocab.masking();
 * }</pre>
 */
public final class CompactVocabulary {

    /** The id of [PAD]. */
    public static final long PAD = 0;
    /** The id of [CLS]. */
    public static final long CLS = 1;
    /** The id of [SEP]. */
    public static final long SEP = 2;
    /** The id of [MASK]. */
    public static final long MASK = 3;
    /** The id of every piece outside the vocabulary. */
    public static final long UNK = 4;

    private static final int SPECIALS = 5;

    private final Map<Long, Long> ids;
    private final int size;
    private final double coverage;

    private CompactVocabulary(Map<Long, Long> ids, int size, double coverage) {
        this.ids = ids;
        this.size = size;
        this.coverage = coverage;
    }

    /**
     * Counts the pieces of a tokenised corpus and keeps the most frequent.
     *
     * @param corpus original token ids, any shape
     * @param size the vocabulary's size, specials included; more than the 5 specials
     * @param padId the original [PAD]
     * @param clsId the original [CLS]
     * @param sepId the original [SEP]
     * @param maskId the original [MASK]
     * @return the vocabulary
     */
    public static CompactVocabulary fromCorpus(NDArray corpus, int size, long padId, long clsId, long sepId,
            long maskId) {
        if (size <= SPECIALS) {
            throw new IllegalArgumentException("a compact vocabulary needs more than its " + SPECIALS
                    + " special tokens, got size " + size);
        }
        Map<Long, Long> ids = new HashMap<>(Map.of(padId, PAD, clsId, CLS, sepId, SEP, maskId, MASK));
        Map<Long, Long> counts = new HashMap<>();
        long[] tokens = corpus.toType(DataType.INT64, false).toLongArray();
        for (long token : tokens) {
            if (!ids.containsKey(token)) {
                counts.merge(token, 1L, Long::sum);
            }
        }
        long[] kept = counts.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(size - SPECIALS)
                .mapToLong(Map.Entry::getKey)
                .toArray();
        long covered = 0;
        for (int i = 0; i < kept.length; i++) {
            ids.put(kept[i], SPECIALS + (long) i);
            covered += counts.get(kept[i]);
        }
        long regular = counts.values().stream().mapToLong(Long::longValue).sum();
        return new CompactVocabulary(ids, SPECIALS + kept.length, regular == 0 ? 1 : (double) covered / regular);
    }

    /**
     * @param original token ids of the original tokenizer, any shape
     * @return the compact ids, int64, same shape, on the same manager
     */
    public NDArray map(NDArray original) {
        long[] mapped = LongStream.of(original.toType(DataType.INT64, false).toLongArray())
                .map(token -> ids.getOrDefault(token, UNK))
                .toArray();
        return original.getManager().create(mapped, original.getShape());
    }

    /** @return the number of ids, specials included (less than asked when the corpus has fewer pieces) */
    public int size() {
        return size;
    }

    /** @return the share of the corpus' regular (non-special) pieces that the vocabulary keeps */
    public double coverage() {
        return coverage;
    }

    /** @return the ids that masked-LM corruption must leave alone: [PAD], [CLS], [SEP], [MASK], [UNK] */
    public Set<Long> specialIds() {
        return Set.of(PAD, CLS, SEP, MASK, UNK);
    }

    /** @return BERT's masked-LM corruption for this vocabulary: 15% of the regular pieces, 80/10/10 */
    public MlmMasking masking() {
        return MlmMasking.bert(MASK, size, specialIds());
    }

    @Override
    public String toString() {
        return String.format("CompactVocabulary(%,d ids, %.1f%% of the corpus' pieces)", size, 100 * coverage);
    }
}
