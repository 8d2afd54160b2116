package org.lotterylab.scores;

import ai.djl.ndarray.NDManager;
import ai.djl.training.dataset.Batch;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.lotterylab.data.Datasets;
import org.lotterylab.data.ImageData;
import org.lotterylab.data.Split;
import org.lotterylab.data.TrainValidation;
import org.lotterylab.nn.Net;
import org.lotterylab.train.EpochOrder;
import org.lotterylab.train.TrainingConfig;

/**
 * One (data set, model) setting of the mask-search notebooks (Rare Gems, BiP): a fixed subset of
 * the training images split into training and validation images, the test images, all standardised
 * with the training images' statistics, and fresh nets of the model in its mask-search form
 * ({@link ScoreModels}). The subsets are the same for every seed; a seed draws the net and the
 * batches.
 *
 * <pre>{@code
 * ImageTask task = ImageTask.load("fashion-mnist", "lenet5", new ImageTask.Sizes(5_000, 1_000, 2_000, 64), manager);
 * try (NDManager run = manager.newSubManager()) {           // one run's arrays, freed when it is done
 *     Net net = task.freshNet(run, seed);
 *     Training.with(config.withSeed(seed)).selectingOn(task.validation()).fit(net, task.train(), task.test());
 * }
 * }</pre>
 */
public final class ImageTask {

    /** The data sets a task can be loaded from, by name. */
    public static final Map<String, Function<Split, ImageData>> SOURCES =
            Map.of("fashion-mnist", Datasets::fashionMnist, "mnist", Datasets::mnist);

    /**
     * How many images each part holds, and the batch size of the training set.
     *
     * @param train training images
     * @param validation validation images, carved from the training split (for selection)
     * @param test test images (for the numbers reported)
     * @param batchSize images per training batch
     */
    public record Sizes(int train, int validation, int test, int batchSize) {

        /** Validates the sizes. */
        public Sizes {
            if (train < 1 || validation < 1 || test < 1 || batchSize < 1) {
                throw new IllegalArgumentException("every part needs at least one image and a batch at least one: " + this);
            }
        }
    }

    private final String dataset;
    private final String model;
    private final Sizes sizes;
    private final int classes;
    private final int channels;
    private final NDManager manager;
    private final RandomAccessDataset train;
    private final RandomAccessDataset validation;
    private final RandomAccessDataset test;

    private ImageTask(String dataset, String model, Sizes sizes, TrainValidation parts, ImageData testImages, NDManager manager) {
        this.dataset = dataset;
        this.model = model;
        this.sizes = sizes;
        this.classes = parts.train().classCount();
        this.channels = (int) parts.train().imageShape().get(0);
        this.manager = manager;
        double mean = parts.train().mean();
        double std = parts.train().std();
        this.train = parts.train().normalized(mean, std).toDataset(manager, sizes.batchSize(), true, 0);
        this.validation = parts.validation().normalized(mean, std).toDataset(manager, 500, false, 0);
        this.test = testImages.normalized(mean, std).toDataset(manager, 500, false, 0);
    }

    /**
     * Loads a setting from the data cache.
     *
     * @param dataset a key of {@link #SOURCES}
     * @param model a key of {@link ScoreModels#REGISTRY}
     * @param sizes the sizes of the parts
     * @param manager owns the data and the nets
     * @return the task
     */
    public static ImageTask load(String dataset, String model, Sizes sizes, NDManager manager) {
        Function<Split, ImageData> source = SOURCES.get(dataset);
        if (source == null) {
            throw new IllegalArgumentException("unknown data set " + dataset + "; known: " + SOURCES.keySet());
        }
        return of(dataset, model, source.apply(Split.TRAIN), source.apply(Split.TEST), sizes, manager);
    }

    /**
     * A setting from images at hand: a fixed random subset of {@code trainPool} (seed 0) is split into
     * training and validation images, and a fixed subset of {@code testPool} is the test set.
     *
     * @param dataset the data set's name, for labels
     * @param model a key of {@link ScoreModels#REGISTRY}
     * @param trainPool the training split
     * @param testPool the test split
     * @param sizes the sizes of the parts
     * @param manager owns the data and the nets
     * @return the task
     */
    public static ImageTask of(String dataset, String model, ImageData trainPool, ImageData testPool, Sizes sizes,
            NDManager manager) {
        TrainValidation parts = trainPool.subset(sizes.train() + sizes.validation(), 0).validationSplit(sizes.validation(), 0);
        return new ImageTask(dataset, model, sizes, parts, testPool.subset(sizes.test(), 0), manager);
    }

    /** @return the data set's name */
    public String dataset() {
        return dataset;
    }

    /** @return the model's name */
    public String model() {
        return model;
    }

    /** @return e.g. {@code "lenet5 / fashion-mnist"} */
    public String label() {
        return model + " / " + dataset;
    }

    /** @return the sizes of the parts */
    public Sizes sizes() {
        return sizes;
    }

    /** @return the training images, in batches of {@link Sizes#batchSize()} (the training seed draws their order) */
    public RandomAccessDataset train() {
        return train;
    }

    /** @return the validation images: what a run selects on */
    public RandomAccessDataset validation() {
        return validation;
    }

    /** @return the test images: measured for the numbers reported, never selected on */
    public RandomAccessDataset test() {
        return test;
    }

    /** @return training batches per epoch (the last one may be smaller) */
    public int batchesPerEpoch() {
        return TrainingConfig.defaults().withBatchSize(sizes.batchSize()).batchesPerEpoch(sizes.train());
    }

    /**
     * @param seed the seed of the initial weights
     * @return a freshly initialised net of the model, for the data's channels and classes, on the task's manager
     */
    public Net freshNet(long seed) {
        return freshNet(manager, seed);
    }

    /**
     * A fresh net on a manager of the caller's, e.g. a sub-manager closed when one run is done, so
     * that dozens of runs (their weights, scores, gradients and optimizer states) do not pile up
     * native memory.
     *
     * @param owner the manager the net's arrays belong to
     * @param seed the seed of the initial weights
     * @return a freshly initialised net of the model, for the data's channels and classes
     */
    public Net freshNet(NDManager owner, long seed) {
        return ScoreModels.create(model, channels, classes).initialize(owner, seed);
    }

    /**
     * The first training batches of a seed's first epoch: the data a data-driven criterion (SNIP,
     * GraSP) scores the weights on.
     *
     * @param count how many batches
     * @param seed the training seed whose order they are drawn in
     * @return the batches; the caller may keep them as long as the manager lives
     */
    public List<Batch> scoringBatches(int count, long seed) {
        List<Batch> batches = new ArrayList<>();
        for (Batch batch : new EpochOrder(seed, 0).batches(train, manager, sizes.batchSize())) {
            if (batches.size() == count) {
                batch.close();
                break;
            }
            batches.add(batch);
        }
        return batches;
    }
}
