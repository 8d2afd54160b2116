package org.lotterylab.bert;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MiniLM's tokenizer against ids looked up by hand in the vocabulary ({@code model.vocab}) of its
 * tokenizer.json: [PAD] 0, [CLS] 101, [SEP] 102, [MASK] 103, "hello"
 * 7592, "world" 2088, "the" 1996, "quick" 4248, "brown" 2829, "fox" 4419, "," 1010, "!" 999.
 */
class BertTokenizerTest {

    private static BertTokenizer tokenizer;
    private static NDManager manager;

    @BeforeAll
    static void open() {
        Fetched.minilm("tokenizer.json");
        tokenizer = BertTokenizer.miniLm();
        manager = NDManager.newBaseManager();
    }

    @AfterAll
    static void close() {
        if (tokenizer != null) {
            tokenizer.close();
            manager.close();
        }
    }

    @Test
    void specialTokensAndVocabulary() {
        assertEquals(30522, tokenizer.vocabSize());
        assertEquals(0, tokenizer.padId());
        assertEquals(101, tokenizer.clsId());
        assertEquals(102, tokenizer.sepId());
        assertEquals(103, tokenizer.maskId());
    }

    @Test
    void sentencesBecomeTheReferenceIdsPaddedToTheLongest() {
        NDList inputs = tokenizer.encode(manager, List.of("Hello world", "The quick, brown fox!"), 32);
        assertEquals(new Shape(2, 8), inputs.get(0).getShape());
        assertArrayEquals(new long[] {101, 7592, 2088, 102, 0, 0, 0, 0, 101, 1996, 4248, 1010, 2829, 4419, 999, 102},
                inputs.get(0).toLongArray());
        assertArrayEquals(new long[16], inputs.get(1).toLongArray());
        assertArrayEquals(new long[] {1, 1, 1, 1, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1}, inputs.get(2).toLongArray());
    }

    @Test
    void longTextsAreTruncatedButKeepTheirSeparator() {
        NDList inputs = tokenizer.encode(manager, List.of("the quick brown fox"), 4);
        assertArrayEquals(new long[] {101, 1996, 4248, 102}, inputs.get(0).toLongArray());
        assertEquals(List.of("[CLS]", "hello", ",", "world", "!", "[SEP]"), tokenizer.tokens("Hello, world!"));
    }
}
