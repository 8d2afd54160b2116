package org.lotterylab.essential;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.lotterylab.data.Email;
import org.lotterylab.data.TrainTest;

/**
 * A task that needs word order: the first words of a mail's body as written (label 0) or with the
 * same words in a random order (label 1). Both kinds hold exactly the same words, so a bag of words
 * (what is left of a BERT encoder whose linear weights are all pruned: the word embeddings flowing
 * through the residual path into the mean pooling) cannot tell them apart; only the encoder can.
 *
 * <p>The mails are split 70/30 as {@link TextTask#spam} splits them; every mail of the held-out part
 * with enough words is a test example, and the first {@code poolSize} such mails of the training
 * part are the training pool (to be cut into a training and a validation part). Which mails are
 * shuffled, and how, is drawn once from the seed.
 *
 * <pre>{@code
 * TextTask shuffled = WordOrder.task("12 words", SpamAssassin.load(), 12, 1200, Integer.MAX_VALUE, 0);
 * }</pre>
 */
public final class WordOrder {

    /** Markup of HTML mails: removed, so that the words are what a reader of the mail sees. */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern LETTER = Pattern.compile(".*\\p{L}.*");
    /** Redraws of a permutation that left the text as it was (two equal words swapped, or the identity). */
    private static final int MAX_REDRAWS = 100;

    private WordOrder() {}

    /**
     * @param name the task's name
     * @param emails the corpus, e.g. {@code SpamAssassin.load()}
     * @param words the words each example holds; mails with fewer are left out
     * @param poolSize the training examples, taken in the split's order
     * @param testSize the most test examples, taken in the split's order ({@code Integer.MAX_VALUE}: every held-out mail)
     * @param seed the seed of the split, of which mails are shuffled and of the shuffles
     * @return the task; its labels are 0 (as written) and 1 (shuffled)
     * @throws IllegalArgumentException when the training part has fewer than {@code poolSize} mails with enough words
     */
    public static TextTask task(String name, List<Email> emails, int words, int poolSize, int testSize, long seed) {
        if (words < 2) {
            throw new IllegalArgumentException("word order needs at least two words, got " + words);
        }
        TrainTest<List<Email>> split = TrainTest.split(emails, TextTask.TEST_FRACTION, seed);
        Random random = new Random(seed);
        List<TextTask.Example> pool = examples(split.train(), words, poolSize, random);
        if (pool.size() < poolSize) {
            throw new IllegalArgumentException("task '" + name + "' asks for " + poolSize + " training mails of at least "
                    + words + " words; the training part has " + pool.size());
        }
        return new TextTask(name, pool, examples(split.test(), words, testSize, random));
    }

    /**
     * @param body a mail's body
     * @param count how many words
     * @return its first words (runs of non-blank characters holding a letter), markup removed; fewer when it has fewer
     */
    public static List<String> firstWords(String body, int count) {
        List<String> words = new ArrayList<>();
        for (String word : WHITESPACE.split(TAG.matcher(body).replaceAll(" "))) {
            if (words.size() == count) {
                break;
            }
            if (LETTER.matcher(word).matches()) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<TextTask.Example> examples(List<Email> mails, int words, int limit, Random random) {
        List<TextTask.Example> examples = new ArrayList<>();
        for (Email mail : mails) {
            if (examples.size() == limit) {
                break;
            }
            List<String> first = firstWords(mail.body(), words);
            if (first.size() == words) {
                int label = random.nextInt(2);
                examples.add(new TextTask.Example(String.join(" ", label == 1 ? shuffled(first, random) : first), label));
            }
        }
        return examples;
    }

    /** The words in another order; the same text only when every order reads the same (all words equal). */
    private static List<String> shuffled(List<String> words, Random random) {
        List<String> order = new ArrayList<>(words);
        for (int i = 0; i < MAX_REDRAWS && order.equals(words); i++) {
            Collections.shuffle(order, random);
        }
        return order;
    }
}
