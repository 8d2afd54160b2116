package org.lotterylab.bert;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.lotterylab.data.DataCache;

/** Tests on the real MiniLM files run where {@code environment/lab data} has fetched them, and are skipped elsewhere. */
final class Fetched {

    private Fetched() {}

    /** Returns the path of a file of the minilm data set, or skips the test when it is missing. */
    static Path minilm(String file) {
        Path path = DataCache.standard().root().resolve(MiniLm.DATASET).resolve(file);
        assumeTrue(Files.isRegularFile(path), "minilm not fetched: " + path);
        return path;
    }
}
