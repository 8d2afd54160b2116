package org.lotterylab.essential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.lotterylab.data.Email;

class WordOrderTest {

    /** Mail i's body: markup, a number, then the words "m{i}w0" … "m{i}w{n−1}", n = 3 + i % 10. */
    private static final List<Email> MAILS = IntStream.range(0, 200)
            .mapToObj(i -> Email.parse(String.valueOf(i), "easy-ham-1", "Subject: mail " + i + "\n\n<p>42 "
                    + IntStream.range(0, 3 + i % 10).mapToObj(w -> "m" + i + "w" + w).collect(Collectors.joining(" ")) + "</p>"))
            .toList();

    @Test
    void firstWordsDropMarkupAndTokensWithoutLetters() {
        assertEquals(List.of("Hello", "big", "world!"), WordOrder.firstWords("<b>Hello</b> 42 big\n\tworld! again", 3));
        assertEquals(List.of("one"), WordOrder.firstWords("one", 5));
    }

    @Test
    void examplesHoldTheirMailsWordsAsWrittenOrShuffled() {
        TextTask task = WordOrder.task("order", MAILS, 6, 40, Integer.MAX_VALUE, 3);
        assertEquals(40, task.train().size());
        for (var example : task.train()) {
            List<String> words = Arrays.asList(example.text().split(" "));
            String mail = words.get(0).substring(0, words.get(0).indexOf('w'));
            List<String> written = IntStream.range(0, 6).mapToObj(w -> mail + "w" + w).toList();
            assertEquals(Set.copyOf(written), Set.copyOf(words), "the same words");
            if (example.label() == 0) {
                assertEquals(written, words);
            } else {
                assertNotEquals(written, words, "a shuffled example differs from the mail");
            }
        }
        double shuffled = task.train().stream().mapToInt(TextTask.Example::label).average().orElseThrow();
        assertEquals(0.5, shuffled, 0.2);
    }

    @Test
    void everyHeldOutMailWithEnoughWordsIsATestExampleAndTheSeedDecides() {
        TextTask all = WordOrder.task("order", MAILS, 6, 40, Integer.MAX_VALUE, 3);
        // 30% of 200 mails are held out; those with fewer than 6 words (i % 10 < 3) are left out.
        assertTrue(all.test().size() > 30 && all.test().size() < 60, "test examples: " + all.test().size());
        assertEquals(10, WordOrder.task("order", MAILS, 6, 40, 10, 3).test().size());
        assertEquals(all, WordOrder.task("order", MAILS, 6, 40, Integer.MAX_VALUE, 3), "same seed, same task");
        assertNotEquals(all, WordOrder.task("order", MAILS, 6, 40, Integer.MAX_VALUE, 4));
        assertThrows(IllegalArgumentException.class, () -> WordOrder.task("order", MAILS, 6, 1000, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> WordOrder.task("order", MAILS, 1, 10, 10, 3));
    }
}
