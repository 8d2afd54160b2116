package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.lotterylab.bert.Bert;
import org.lotterylab.bert.BertTokenizer;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingConfig;

/**
 * A {@link TextTask} tokenised once, so that every pruned model is scored on the same token
 * tensors: by a {@link LinearProbe} on its frozen mean-pooled embeddings, or by fine-tuning it as a
 * classifier with its mask fixed.
 *
 * <pre>{@code
 * var hard = TokenizedTask.of(TextTask.spam(...), tokenizer, manager, 32);
 * double probed = hard.probe(encoder);                                  // frozen encoder
 * double tuned = hard.fineTune(encoder, mask, fineTuning, seed);        // mask fixed
 * }</pre>
 *
 * @param task the texts and labels
 * @param train the training tokens (ids, type ids, attention mask), each int64 [N, T]
 * @param test the test tokens
 */
public record TokenizedTask(TextTask task, NDList train, NDList test) {

    /** Sentences per forward pass when embedding. */
    static final int EMBEDDING_BATCH = 64;

    /**
     * @param task the texts and labels
     * @param tokenizer the tokenizer of the model to score
     * @param manager owns the token tensors (and decides their device)
     * @param maxLength tokens per text, [CLS] and [SEP] included; longer texts are cut
     * @return the tokenised task
     */
    public static TokenizedTask of(TextTask task, BertTokenizer tokenizer, NDManager manager, int maxLength) {
        return new TokenizedTask(task, tokenizer.encode(manager, task.trainTexts(), maxLength),
                tokenizer.encode(manager, task.testTexts(), maxLength));
    }

    /**
     * @param vocabulary a compact vocabulary for a model pre-trained from scratch
     * @return this task with its ids renumbered into that vocabulary
     */
    public TokenizedTask mapped(CompactVocabulary vocabulary) {
        return new TokenizedTask(task, new NDList(vocabulary.map(train.get(0)), train.get(1), train.get(2)),
                new NDList(vocabulary.map(test.get(0)), test.get(1), test.get(2)));
    }

    /** @return the task's name */
    public String name() {
        return task.name();
    }

    /**
     * Scores a frozen sentence encoder: a linear probe fitted on its training embeddings, measured on
     * its test embeddings. The encoder's weights are used as they are (pruned or not).
     *
     * @param encoder a net whose output is one embedding per text, [N, hidden]
     * @return the probe's test accuracy, in [0, 1]
     */
    public double probe(Net encoder) {
        LinearProbe probe = LinearProbe.fit(embed(encoder, train), task.trainLabels());
        return probe.accuracy(embed(encoder, test), task.testLabels());
    }

    /**
     * A task's features from one encoder, computed once and probed as often as needed (one probe per seed).
     *
     * @param train the training rows, in the task's order
     * @param test the test rows, in the task's order
     */
    public record Embeddings(float[][] train, float[][] test) {
    }

    /**
     * @param encoder a net whose output is one embedding per text, [N, hidden], used as it is (pruned or not)
     * @return its embeddings of the training and the test texts
     */
    public Embeddings embeddings(Net encoder) {
        return new Embeddings(embed(encoder, train), embed(encoder, test));
    }

    /**
     * Scores embeddings by a probe whose penalty is chosen on a validation part of the training texts.
     *
     * @param embeddings this task's embeddings by some encoder
     * @param protocol the validation share and the penalties tried
     * @param seed the seed of the cut into validation and fitting parts
     * @return the penalty chosen with its validation and test accuracy
     */
    public ValidatedProbe.Score probe(Embeddings embeddings, ValidatedProbe protocol, long seed) {
        return protocol.score(embeddings.train(), task.trainLabels(), embeddings.test(), task.testLabels(), seed);
    }

    /**
     * Fine-tunes a classifier that starts from the encoder's weights (a fresh head drawn from the
     * seed), the encoder's pruned weights held at zero, and measures it at the end.
     *
     * @param encoder a BERT net of {@code org.lotterylab.bert}, its weights already masked
     * @param mask the weights that stay; its names are the encoder's prunable weights
     * @param config the fine-tuning's hyper-parameters
     * @param seed the seed of the classifier's head
     * @return the test accuracy after fine-tuning, in [0, 1]
     */
    public double fineTune(Net encoder, Mask mask, TrainingConfig config, long seed) {
        try (NDManager scope = encoder.manager().newSubManager()) {
            Net classifier = Bert.classifier(encoder, 2, scope, seed);
            // Measured once, at the end: only the final accuracy is returned, and on MiniLM each pass
            // over the held-out mails costs as much as the training steps of an epoch.
            int steps = config.epochs() * config.batchesPerEpoch(task.train().size());
            return Training.with(config.withEvaluateEvery(steps)).masked(mask).labelled("fine-tune " + name())
                    .fit(classifier, dataset(scope, train, task.trainLabels(), config.batchSize()),
                            dataset(scope, test, task.testLabels(), EMBEDDING_BATCH))
                    .finalAccuracy();
        }
    }

    /**
     * @param manager owns the labels' tensor
     * @param batchSize the batch size
     * @return the training part as a DJL data set: data (ids, type ids, attention mask), labels int64 [N]
     */
    public RandomAccessDataset trainSet(NDManager manager, int batchSize) {
        return dataset(manager, train, task.trainLabels(), batchSize);
    }

    /**
     * @param manager owns the labels' tensor
     * @return the test part as a DJL data set, in order
     */
    public RandomAccessDataset testSet(NDManager manager) {
        return dataset(manager, test, task.testLabels(), EMBEDDING_BATCH);
    }

    private static RandomAccessDataset dataset(NDManager manager, NDList tokens, int[] labels, int batchSize) {
        NDArray y = manager.create(Arrays.stream(labels).asLongStream().toArray());
        return new ArrayDataset.Builder().setData(tokens.toArray(NDArray[]::new)).optLabels(y)
                .setSampling(batchSize, false).build();
    }

    /**
     * The encoder's output for every text, as rows of floats. Texts are embedded in batches of
     * similar length, each cut to its longest text: the tokenizer pads every text to the longest of
     * the whole task, and padding costs as much compute as text (the embeddings are the same without it).
     */
    private static float[][] embed(Net encoder, NDList tokens) {
        long[] lengths = tokens.get(2).sum(new int[] {1}).toLongArray();
        Integer[] order = IntStream.range(0, lengths.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingLong(i -> lengths[i]));
        float[][] rows = new float[lengths.length][];
        for (int start = 0; start < order.length; start += EMBEDDING_BATCH) {
            int end = Math.min(order.length, start + EMBEDDING_BATCH);
            long[] batchRows = Arrays.stream(order, start, end).mapToLong(i -> i).toArray();
            // The scope frees the batch's activations as soon as its embeddings are copied out.
            try (NDScope scope = new NDScope()) {
                scope.suppressNotUsedWarning();
                NDArray index = tokens.get(0).getManager().create(batchRows);
                String columns = ":, 0:" + Math.max(1, lengths[order[end - 1]]);
                NDList batch = new NDList();
                tokens.forEach(t -> batch.add(t.get(index).get(columns)));
                NDArray embeddings = encoder.forward(batch, false).singletonOrThrow();
                int width = Math.toIntExact(embeddings.getShape().get(1));
                float[] flat = embeddings.toFloatArray();
                for (int i = 0; i < batchRows.length; i++) {
                    rows[(int) batchRows[i]] = Arrays.copyOfRange(flat, i * width, (i + 1) * width);
                }
            }
        }
        return rows;
    }
}
