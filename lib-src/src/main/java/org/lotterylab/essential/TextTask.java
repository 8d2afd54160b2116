package org.lotterylab.essential;

import java.util.List;
import java.util.function.Function;
import org.lotterylab.data.Email;
import org.lotterylab.data.TrainTest;

/**
 * A binary text classification task, ham (0) vs spam (1), cut from the SpamAssassin corpus with a
 * seeded split. Tasks made with the same seed share their test mails (the first {@code testSize} of
 * the corpus' test part), so an easy and a hard variant are scored on the same e-mails.
 *
 * <pre>{@code
 * var emails = SpamAssassin.load();
 * var easy = TextTask.spam("subject + body", emails, TextTask::subjectAndBody, 1000, 400, 0);
 * var hard = TextTask.spam("subject only", emails, Email::subject, 1000, 400, 0);
 * }</pre>
 *
 * @param name what the task is called in tables and charts
 * @param train the training examples
 * @param test the test examples
 */
public record TextTask(String name, List<Example> train, List<Example> test) {

    /** The share of the corpus set aside for testing before any task takes its mails. */
    static final double TEST_FRACTION = 0.3;

    /**
     * One labelled text.
     *
     * @param text what the model reads
     * @param label 1 for spam, 0 for ham
     */
    public record Example(String text, int label) {
    }

    /** Copies the lists and checks that both parts have examples. */
    public TextTask {
        train = List.copyOf(train);
        test = List.copyOf(test);
        if (train.isEmpty() || test.isEmpty()) {
            throw new IllegalArgumentException("task '" + name + "' needs training and test examples, got "
                    + train.size() + " and " + test.size());
        }
    }

    /**
     * Cuts a task from the corpus: a seeded 70/30 split of all mails, then the first
     * {@code trainSize} mails of the training part and the first {@code testSize} of the test part.
     *
     * @param name the task's name
     * @param emails the corpus, e.g. {@code SpamAssassin.load()}
     * @param text what the model reads of a mail, e.g. {@code Email::subject}
     * @param trainSize training mails, at most 70% of the corpus
     * @param testSize test mails, at most 30% of the corpus
     * @param seed the seed of the split
     * @return the task
     * @throws IllegalArgumentException when the corpus is too small for the sizes asked
     */
    public static TextTask spam(String name, List<Email> emails, Function<Email, String> text, int trainSize,
            int testSize, long seed) {
        TrainTest<List<Email>> split = TrainTest.split(emails, TEST_FRACTION, seed);
        if (trainSize > split.train().size() || testSize > split.test().size()) {
            throw new IllegalArgumentException("task '" + name + "' asks for " + trainSize + " training and " + testSize
                    + " test mails, but the corpus' split has " + split.train().size() + " and " + split.test().size());
        }
        return new TextTask(name, examples(split.train().subList(0, trainSize), text),
                examples(split.test().subList(0, testSize), text));
    }

    /**
     * @param email a mail
     * @return its subject line, a line break and its body: what a reader of the mail sees
     */
    public static String subjectAndBody(Email email) {
        return email.subject() + "\n" + email.body();
    }

    /** @return the training texts, in order */
    public List<String> trainTexts() {
        return train.stream().map(Example::text).toList();
    }

    /** @return the training labels, in order */
    public int[] trainLabels() {
        return train.stream().mapToInt(Example::label).toArray();
    }

    /** @return the test texts, in order */
    public List<String> testTexts() {
        return test.stream().map(Example::text).toList();
    }

    /** @return the test labels, in order */
    public int[] testLabels() {
        return test.stream().mapToInt(Example::label).toArray();
    }

    /** @return the share of spam in the test part: the accuracy of always answering the majority is max(p, 1 − p) */
    public double testSpamShare() {
        return test.stream().mapToInt(Example::label).average().orElseThrow();
    }

    private static List<Example> examples(List<Email> emails, Function<Email, String> text) {
        return emails.stream().map(e -> new Example(text.apply(e), e.spam() ? 1 : 0)).toList();
    }

    @Override
    public String toString() {
        return String.format("%s (%d training, %d test mails, %.0f%% spam)", name, train.size(), test.size(),
                100 * testSpamShare());
    }
}
