package org.lotterylab.bert;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Deterministic test sentences of varied length, words, case, digits and punctuation. */
final class Sentences {

    private static final String[] WORDS = {
        "the", "a", "free", "offer", "meeting", "Tomorrow", "click", "here", "to", "win", "$1000", "cash", "prize",
        "please", "review", "attached", "report", "unsubscribe", "Linux", "kernel", "patch", "v2.6", "fails", "on",
        "boot", "URGENT:", "your", "account", "was", "suspended", "!!!", "re:", "lunch", "at", "noon?", "café",
        "naïve", "résumé", "e-mail", "http://example.com", "ünïcödé", "NASDAQ", "stock", "alert", "(limited)", "time"
    };

    /** Short enough for a fast test, long enough for padding and several word pieces per word. */
    static final int MAX_WORDS = 10;

    private Sentences() {}

    /** {@code count} sentences of 1 to {@value #MAX_WORDS} words drawn with {@code seed}. */
    static List<String> generate(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<String> sentences = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int words = 1 + random.nextInt(MAX_WORDS);
            StringBuilder sentence = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
            for (int w = 1; w < words; w++) {
                sentence.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            sentences.add(sentence.toString());
        }
        return sentences;
    }
}
