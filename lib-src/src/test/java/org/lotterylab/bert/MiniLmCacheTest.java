package org.lotterylab.bert;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.data.DataCache;
import org.lotterylab.nn.Net;

/** The converted MiniLM is cached once in DJL's format, and a damaged cache is rebuilt. */
class MiniLmCacheTest {

    private static final String WEIGHT = "encoder.layer.5.output.dense.weight";

    private final NDManager manager = NDManager.newBaseManager();

    @AfterEach
    void close() {
        manager.close();
    }

    @Test
    void aDamagedCacheIsRebuiltFromTheOnnxFile(@TempDir Path temp) throws IOException {
        Path onnx = Fetched.minilm("model.onnx");
        Files.createDirectories(temp.resolve("minilm"));
        Files.copy(onnx, temp.resolve("minilm/model.onnx"));
        DataCache data = new DataCache(temp);

        Net converted = MiniLm.pretrained(manager, data);
        Path params = temp.resolve("minilm/djl/minilm-0000.params");
        byte[] cached = Files.readAllBytes(params);
        Files.write(params, Arrays.copyOf(cached, cached.length / 2));

        Net rebuilt = MiniLm.pretrained(manager, data);
        assertEquals(converted.parameter(WEIGHT).getArray(), rebuilt.parameter(WEIGHT).getArray());
        assertEquals(cached.length, Files.size(params));
        assertEquals(converted.parameter(WEIGHT).getArray(), MiniLm.pretrained(manager, data).parameter(WEIGHT).getArray());
    }
}
