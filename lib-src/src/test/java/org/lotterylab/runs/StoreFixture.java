package org.lotterylab.runs;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A run store in a fresh temporary folder, one experiment of it, and an NDManager closed after each test. */
abstract class StoreFixture {

    @TempDir
    Path root;

    NDManager manager;
    Experiment experiment;

    private final String experimentName;

    StoreFixture(String experimentName) {
        this.experimentName = experimentName;
    }

    @BeforeEach
    void openStore() {
        manager = NDManager.newBaseManager();
        experiment = RunStore.at(root).experiment(experimentName);
    }

    @AfterEach
    void closeManager() {
        manager.close();
    }
}
