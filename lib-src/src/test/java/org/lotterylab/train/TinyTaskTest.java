package org.lotterylab.train;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.dataset.ArrayDataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of the tests that train on {@link TinyTask}: a fresh manager and 96 training samples per test. */
public abstract class TinyTaskTest {

    /** Owns every array of one test. */
    protected NDManager manager;
    /** 96 samples of the tiny task in batches of 32. */
    protected ArrayDataset train;

    @BeforeEach
    void openTinyTask() {
        manager = NDManager.newBaseManager();
        train = TinyTask.data(manager, 96, 32, 1);
    }

    @AfterEach
    void closeTinyTask() {
        manager.close();
    }

    /**
     * @param samples how many images
     * @param batchSize the batch size
     * @return uniform-noise 1×28×28 images labelled 0..2 (float32), for models of MNIST's shape
     */
    protected ArrayDataset randomImages(int samples, int batchSize) {
        return new ArrayDataset.Builder()
                .setData(manager.randomUniform(0, 1, new Shape(samples, 1, 28, 28)))
                .optLabels(manager.randomInteger(0, TinyTask.CLASSES, new Shape(samples), DataType.FLOAT32))
                .setSampling(batchSize, false).build();
    }
}
