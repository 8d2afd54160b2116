package org.lotterylab.data;

import ai.djl.ndarray.types.Shape;

import java.nio.file.Path;
import java.util.List;

/**
 * Loads an MNIST-style pair of IDX files (images and labels) into an {@link ImageData}, checking
 * that the two files belong together.
 */
final class IdxImages {

    private IdxImages() {
    }

    /**
     * Loads {@code <prefix>-images-idx3-ubyte<suffix>} and {@code <prefix>-labels-idx1-ubyte<suffix>}
     * where the prefix is {@code train} or {@code t10k}.
     *
     * @param cache the data cache
     * @param dataset the data set's directory, e.g. {@code fashion-mnist}
     * @param split which split
     * @param suffix {@code ""} for raw files, {@code ".gz"} for compressed ones
     * @param classNames the name of every class
     * @return the images with pixels scaled to [0, 1]
     */
    static ImageData load(DataCache cache, String dataset, Split split, String suffix, List<String> classNames) {
        String prefix = split == Split.TRAIN ? "train" : "t10k";
        Path imageFile = cache.require(dataset, prefix + "-images-idx3-ubyte" + suffix);
        Path labelFile = cache.require(dataset, prefix + "-labels-idx1-ubyte" + suffix);
        IdxFile images = IdxFile.read(imageFile);
        IdxFile labels = IdxFile.read(labelFile);
        if (images.shape().length != 3) {
            throw new CorruptDataException(imageFile, "images need 3 dimensions, found " + images.shape().length, null);
        }
        if (labels.shape().length != 1 || labels.count() != images.count()) {
            throw new CorruptDataException(labelFile, "expected " + images.count() + " labels to match "
                    + imageFile.getFileName(), null);
        }
        return ImageData.wrap(dataset + "-" + split.name().toLowerCase(), toPixels(images.data()),
                toLabels(labelFile, labels.data(), classNames.size()),
                new Shape(1, images.shape()[1], images.shape()[2]), classNames);
    }

    private static float[] toPixels(byte[] bytes) {
        float[] pixels = new float[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            pixels[i] = (bytes[i] & 0xff) / 255f;
        }
        return pixels;
    }

    private static int[] toLabels(Path file, byte[] bytes, int classes) {
        int[] labels = new int[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            labels[i] = bytes[i] & 0xff;
            if (labels[i] >= classes) {
                throw new CorruptDataException(file, "label " + labels[i] + " at index " + i
                        + " is not one of the " + classes + " classes", null);
            }
        }
        return labels;
    }
}
