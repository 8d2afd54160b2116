package org.lotterylab.train;

import ai.djl.ndarray.NDManager;
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
}
