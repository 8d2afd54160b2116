package org.lotterylab.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import ai.djl.training.dataset.BatchSampler;
import ai.djl.training.dataset.RandomAccessDataset;
import ai.djl.training.dataset.Sampler;
import ai.djl.training.dataset.SequenceSampler;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * A labelled set of images held in memory: pixels {@code N×C×H×W} (in [0, 1] as loaded, or
 * normalised), one int label per image in {@code 0..classCount-1}, and the classes' names.
 * Immutable: every transformation returns a new set, so a notebook can read like a sentence:
 *
 * <pre>{@code
 * ImageData train = Datasets.mnist(Split.TRAIN).classes(3, 8).subset(1000, 7).normalized();
 * RandomAccessDataset batches = train.toDataset(manager, 64, true, 7);
 * }</pre>
 */
public final class ImageData {

    private final String name;
    private final float[] pixels;
    private final int[] labels;
    private final int channels;
    private final int height;
    private final int width;
    private final List<String> classNames;

    private ImageData(String name, float[] pixels, int[] labels, int channels, int height, int width,
                      List<String> classNames) {
        if (pixels.length != (long) labels.length * channels * height * width) {
            throw new IllegalArgumentException(String.format("%s: %d pixel values do not make %d images of %d×%d×%d",
                    name, pixels.length, labels.length, channels, height, width));
        }
        for (int label : labels) {
            if (label < 0 || label >= classNames.size()) {
                throw new IllegalArgumentException(name + ": label " + label + " is outside 0.."
                        + (classNames.size() - 1) + " (one label per class name)");
            }
        }
        this.name = name;
        this.pixels = pixels;
        this.labels = labels;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.classNames = List.copyOf(classNames);
    }

    /**
     * Makes an image set from copies of the given arrays.
     *
     * @param name a short name shown in summaries, e.g. {@code mnist-train}
     * @param pixels {@code N×C×H×W} values, row-major
     * @param labels {@code N} labels, each an index into {@code classNames}
     * @param imageShape {@code (C, H, W)}
     * @param classNames the name of every class
     * @return the image set
     * @throws IllegalArgumentException when the sizes do not fit or a label has no class
     */
    public static ImageData of(String name, float[] pixels, int[] labels, Shape imageShape, List<String> classNames) {
        return wrap(name, pixels.clone(), labels.clone(), imageShape, classNames);
    }

    /** Like {@link #of} without copying: for loaders that hand over arrays nobody else holds. */
    static ImageData wrap(String name, float[] pixels, int[] labels, Shape imageShape, List<String> classNames) {
        if (imageShape.dimension() != 3) {
            throw new IllegalArgumentException("imageShape must be (C, H, W), got " + imageShape);
        }
        return new ImageData(name, pixels, labels, Math.toIntExact(imageShape.get(0)),
                Math.toIntExact(imageShape.get(1)), Math.toIntExact(imageShape.get(2)), classNames);
    }

    /** @return the set's short name, e.g. {@code mnist-train} */
    public String name() {
        return name;
    }

    /** @return the number of images */
    public int size() {
        return labels.length;
    }

    /** @return the shape of one image, {@code (C, H, W)} */
    public Shape imageShape() {
        return new Shape(channels, height, width);
    }

    /** @return the classes' names, indexed by label */
    public List<String> classNames() {
        return classNames;
    }

    /** @return the number of classes */
    public int classCount() {
        return classNames.size();
    }

    /**
     * @param index an image's position
     * @return its label
     */
    public int label(int index) {
        return labels[index];
    }

    /** @return a copy of all labels */
    public int[] labels() {
        return labels.clone();
    }

    /**
     * @param index an image's position
     * @return a copy of its {@code C×H×W} pixels
     */
    public float[] image(int index) {
        int length = imageLength();
        return Arrays.copyOfRange(pixels, index * length, (index + 1) * length);
    }

    /**
     * A random sample of {@code n} images without replacement, the same for the same seed, in
     * their original order.
     *
     * @param n how many to keep
     * @param seed the seed of the choice
     * @return the sample
     */
    public ImageData subset(int n, long seed) {
        checkCount(n);
        int[] chosen = Arrays.copyOf(Shuffle.permutation(size(), new Random(seed)), n);
        Arrays.sort(chosen);
        return select(chosen);
    }

    /**
     * The first {@code n} images, for a quick look or a smoke run.
     *
     * @param n how many to keep
     * @return those images
     */
    public ImageData first(int n) {
        checkCount(n);
        return select(IntStream.range(0, n).toArray());
    }

    /**
     * Keeps only the images of the given classes and relabels them {@code 0..k-1} in the order given,
     * e.g. {@code classes(3, 8)} makes a binary task where 3 → 0 and 8 → 1.
     *
     * @param keep the classes to keep, distinct, each in {@code 0..classCount-1}
     * @return the smaller set
     */
    public ImageData classes(int... keep) {
        int[] newLabel = new int[classCount()];
        Arrays.fill(newLabel, -1);
        for (int i = 0; i < keep.length; i++) {
            if (keep[i] < 0 || keep[i] >= classCount() || newLabel[keep[i]] >= 0) {
                throw new IllegalArgumentException("classes(" + Arrays.toString(keep) + "): each class must be distinct and in 0.."
                        + (classCount() - 1) + " for " + name);
            }
            newLabel[keep[i]] = i;
        }
        int[] kept = IntStream.range(0, size()).filter(i -> newLabel[labels[i]] >= 0).toArray();
        ImageData selected = select(kept);
        int[] relabelled = Arrays.stream(selected.labels).map(l -> newLabel[l]).toArray();
        List<String> names = Arrays.stream(keep).mapToObj(classNames::get).toList();
        return new ImageData(name, selected.pixels, relabelled, channels, height, width, names);
    }

    /** @return the mean of all pixel values */
    public double mean() {
        double sum = 0;
        for (float p : pixels) {
            sum += p;
        }
        return sum / pixels.length;
    }

    /** @return the standard deviation of all pixel values */
    public double std() {
        double mean = mean();
        double sum = 0;
        for (float p : pixels) {
            sum += (p - mean) * (p - mean);
        }
        return Math.sqrt(sum / pixels.length);
    }

    /**
     * Standardises with this set's own mean and standard deviation. Normalise a test set with the
     * training set's statistics instead: {@code test.normalized(train.mean(), train.std())}.
     *
     * @return the set with mean 0 and standard deviation 1
     */
    public ImageData normalized() {
        return normalized(mean(), std());
    }

    /**
     * Standardises every pixel: {@code (p - mean) / std}.
     *
     * @param mean the value subtracted
     * @param std the divisor, positive
     * @return the normalised set
     */
    public ImageData normalized(double mean, double std) {
        if (!(std > 0)) {
            throw new IllegalArgumentException("std must be positive, got " + std);
        }
        float[] out = new float[pixels.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) ((pixels[i] - mean) / std);
        }
        return new ImageData(name, out, labels, channels, height, width, classNames);
    }

    /**
     * Resizes every image with bilinear interpolation, e.g. the 8×8 digits to MNIST's 28×28.
     *
     * @param newHeight the new height
     * @param newWidth the new width
     * @return the resized set
     */
    public ImageData upsampled(int newHeight, int newWidth) {
        int planes = size() * channels;
        float[] out = new float[planes * newHeight * newWidth];
        for (int p = 0; p < planes; p++) {
            Bilinear.resize(pixels, p * height * width, height, width, out, p * newHeight * newWidth, newHeight, newWidth);
        }
        return new ImageData(name, out, labels, channels, newHeight, newWidth, classNames);
    }

    /**
     * Splits at random into a training and a test part, the same way for the same seed; for data
     * sets that publish no split.
     *
     * @param testFraction the share of images that goes to the test part, in (0, 1)
     * @param seed the seed of the split
     * @return both parts, named {@code <name>-train} and {@code <name>-test}
     */
    public TrainTest<ImageData> split(double testFraction, long seed) {
        Parts parts = parts(TrainTest.testSize(size(), testFraction), seed);
        return new TrainTest<>(parts.rest().renamed(name + "-train"), parts.heldOut().renamed(name + "-test"));
    }

    /**
     * Carves a validation set out of this training set, at random and the same way for the same
     * seed, for everything a run selects (the early-stopping iteration, a learning rate, a
     * threshold), so that the test set is used only for the numbers reported.
     *
     * <pre>{@code
     * TrainValidation parts = Datasets.mnist(Split.TRAIN).validationSplit(5_000, 0);   // Frankle & Carbin's 5,000
     * }</pre>
     *
     * @param validationImages how many images to hold out, at least one and fewer than {@link #size()}
     * @param seed the seed of the choice
     * @return the remaining training images and the validation images, named {@code <name>-train}
     *     and {@code <name>-validation}, each in the original order
     */
    public TrainValidation validationSplit(int validationImages, long seed) {
        if (validationImages < 1 || validationImages >= size()) {
            throw new IllegalArgumentException("a validation set of " + validationImages + " images cannot be carved from "
                    + name + ", which has " + size() + ": hold out at least one and leave at least one to train on");
        }
        Parts parts = parts(validationImages, seed);
        return new TrainValidation(parts.rest().renamed(name + "-train"), parts.heldOut().renamed(name + "-validation"));
    }

    /** Images held out at random, and the rest, each in the original order. */
    private record Parts(ImageData heldOut, ImageData rest) {}

    private Parts parts(int heldOutSize, long seed) {
        int[] order = Shuffle.permutation(size(), new Random(seed));
        int[] heldOut = Arrays.copyOfRange(order, 0, heldOutSize);
        int[] rest = Arrays.copyOfRange(order, heldOutSize, order.length);
        Arrays.sort(heldOut);
        Arrays.sort(rest);
        return new Parts(select(heldOut), select(rest));
    }

    /**
     * A DJL dataset of these images on the manager's device. Its batches hold data
     * {@code NDList[float32 (B, C, H, W)]} and labels {@code NDList[float32 (B)]}, the class indices as
     * floats, as DJL's own MNIST does, which {@code SoftmaxCrossEntropyLoss} and {@code Accuracy} accept.
     * The last batch may be smaller.
     *
     * @param manager owns the arrays (and decides the device)
     * @param batchSize images per batch
     * @param shuffle whether every pass visits the images in a new random order
     * @param seed fixes the sequence of orders, so that a run can be repeated
     * @return the dataset, ready for {@code trainer.iterateDataset} or {@code getData(manager)}
     */
    public RandomAccessDataset toDataset(NDManager manager, int batchSize, boolean shuffle, long seed) {
        NDArray data = manager.create(pixels, new Shape(size(), channels, height, width));
        float[] labelValues = new float[size()];
        for (int i = 0; i < labelValues.length; i++) {
            labelValues[i] = labels[i];
        }
        NDArray labelArray = manager.create(labelValues);
        Sampler.SubSampler order = shuffle ? new SeededSampler(seed) : new SequenceSampler();
        return new ArrayDataset.Builder()
                .setData(data)
                .optLabels(labelArray)
                .setSampling(new BatchSampler(order, batchSize, false))
                .build();
    }

    @Override
    public String toString() {
        return String.format("%s: %d images %d×%d×%d, %d classes", name, size(), channels, height, width, classCount());
    }

    private ImageData renamed(String newName) {
        return new ImageData(newName, pixels, labels, channels, height, width, classNames);
    }

    private ImageData select(int[] indices) {
        int length = imageLength();
        float[] out = new float[indices.length * length];
        int[] outLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * length, out, i * length, length);
            outLabels[i] = labels[indices[i]];
        }
        return new ImageData(name, out, outLabels, channels, height, width, classNames);
    }

    private int imageLength() {
        return channels * height * width;
    }

    private void checkCount(int n) {
        if (n < 0 || n > size()) {
            throw new IllegalArgumentException("Cannot take " + n + " images from " + name + ", which has " + size());
        }
    }
}
