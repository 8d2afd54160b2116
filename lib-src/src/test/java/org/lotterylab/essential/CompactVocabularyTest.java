package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CompactVocabularyTest {

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void keepsTheMostFrequentPiecesAfterTheSpecials() {
        // Original ids: [PAD]=0, [CLS]=101, [SEP]=102, [MASK]=103; 500 three times, 700 twice, 900 and 800 once.
        long[] corpus = {101, 500, 700, 500, 900, 102, 101, 500, 700, 800, 102, 0};
        var vocab = CompactVocabulary.fromCorpus(manager.create(corpus, new Shape(2, 6)), 7, 0, 101, 102, 103);
        assertEquals(7, vocab.size());
        long[] mapped = vocab.map(manager.create(new long[] {101, 500, 700, 800, 900, 103, 102, 0})).toLongArray();
        // 500 → 5, 700 → 6; 800 and 900 (once each) do not fit and become [UNK].
        assertArrayEquals(new long[] {1, 5, 6, 4, 4, 3, 2, 0}, mapped);
        assertEquals(5.0 / 7, vocab.coverage(), 1e-12);
    }

    @Test
    void aVocabularyNeedsRoomBesidesItsSpecials() {
        assertThrows(IllegalArgumentException.class,
                () -> CompactVocabulary.fromCorpus(manager.create(new long[] {1, 2}), 5, 0, 101, 102, 103));
    }
}
