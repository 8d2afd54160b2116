package org.lotterylab.data;

import java.util.List;

/**
 * The image data sets of the lab, loaded from the data cache ({@link DataCache#standard()} unless
 * a cache is given). A missing file raises {@link MissingDataException}, which says how to fetch it.
 *
 * <pre>{@code
 * ImageData train = Datasets.fashionMnist(Split.TRAIN);
 * ImageData test = Datasets.fashionMnist(Split.TEST).normalized(train.mean(), train.std());
 * }</pre>
 */
public final class Datasets {

    /** The share of the 8×8 digits held out as their test split. */
    public static final double DIGITS_TEST_FRACTION = 0.2;
    /** The seed of the 8×8 digits' split, fixed so that every notebook uses the same one. */
    public static final long DIGITS_SPLIT_SEED = 0;

    private static final List<String> DIGIT_NAMES = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    private static final List<String> FASHION_NAMES = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    private static final int MNIST_SIDE = 28;

    private Datasets() {
    }

    /**
     * MNIST's handwritten digits.
     *
     * @param split which published split (60000 training, 10000 test images)
     * @return images 1×28×28 in [0, 1]
     */
    public static ImageData mnist(Split split) {
        return mnist(DataCache.standard(), split);
    }

    /**
     * MNIST from a given cache.
     *
     * @param cache the data cache
     * @param split which published split
     * @return images 1×28×28 in [0, 1]
     */
    public static ImageData mnist(DataCache cache, Split split) {
        return IdxImages.load(cache, "mnist", split, "", DIGIT_NAMES);
    }

    /**
     * Zalando's Fashion-MNIST: ten kinds of clothing in MNIST's format.
     *
     * @param split which published split (60000 training, 10000 test images)
     * @return images 1×28×28 in [0, 1]
     */
    public static ImageData fashionMnist(Split split) {
        return fashionMnist(DataCache.standard(), split);
    }

    /**
     * Fashion-MNIST from a given cache.
     *
     * @param cache the data cache
     * @param split which published split
     * @return images 1×28×28 in [0, 1]
     */
    public static ImageData fashionMnist(DataCache cache, Split split) {
        return IdxImages.load(cache, "fashion-mnist", split, ".gz", FASHION_NAMES);
    }

    /**
     * All 1797 of scikit-learn's 8×8 digits; use {@link ImageData#split} or {@link #digits(Split, boolean)}
     * for a train/test split, since none is published.
     *
     * @param upsampleTo28 whether to resize them to MNIST's 28×28 (bilinear)
     * @return images 1×8×8 (or 1×28×28) in [0, 1]
     */
    public static ImageData digits(boolean upsampleTo28) {
        return digits(DataCache.standard(), upsampleTo28);
    }

    /**
     * The 8×8 digits from a given cache.
     *
     * @param cache the data cache
     * @param upsampleTo28 whether to resize them to 28×28
     * @return images in [0, 1]
     */
    public static ImageData digits(DataCache cache, boolean upsampleTo28) {
        ImageData digits = Digits.load(cache, DIGIT_NAMES);
        return upsampleTo28 ? digits.upsampled(MNIST_SIDE, MNIST_SIDE) : digits;
    }

    /**
     * The lab's fixed split of the 8×8 digits: {@value #DIGITS_TEST_FRACTION} held out with seed
     * {@value #DIGITS_SPLIT_SEED}.
     *
     * @param split which part
     * @param upsampleTo28 whether to resize them to 28×28
     * @return that part
     */
    public static ImageData digits(Split split, boolean upsampleTo28) {
        TrainTest<ImageData> parts = digits(upsampleTo28).split(DIGITS_TEST_FRACTION, DIGITS_SPLIT_SEED);
        return split == Split.TRAIN ? parts.train() : parts.test();
    }

    /**
     * Characters rendered from the installed fonts with moderate jitter; see {@link Characters} for
     * more settings.
     *
     * @param alphabet one class per character, e.g. {@link Characters#DIGITS}
     * @param perClass images per class
     * @param seed fixes fonts and distortions
     * @return images 1×28×28 in [0, 1]
     */
    public static ImageData characters(String alphabet, int perClass, long seed) {
        return Characters.of(alphabet).perClass(perClass).seed(seed).render();
    }
}
