package org.lotterylab.bert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.repository.zoo.Criteria;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.data.CorruptDataException;
import org.lotterylab.data.DataCache;
import org.lotterylab.data.DataManifest;
import org.lotterylab.data.MissingDataException;

/** Whichever way MiniLM is loaded, a missing or damaged file is reported as such, with the fix. */
class LoadingErrorsTest {

    @TempDir
    Path temp;

    private Criteria<NDList, NDList> fromTheZoo(DataCache data) {
        return Criteria.builder().setTypes(NDList.class, NDList.class).optModelZoo(new PretrainedZoo(data))
                .optGroupId(PretrainedZoo.GROUP_ID).optArtifactId(MiniLm.NAME).build();
    }

    /** Made-up content, not in the manifest: it passes the hash check and must be refused by the reader. */
    private DataCache notAModel() throws IOException {
        Files.createDirectories(temp.resolve("minilm"));
        Files.writeString(temp.resolve("minilm/model.onnx"), "<html>404 not found</html>", StandardCharsets.UTF_8);
        return new DataCache(temp, DataManifest.none());
    }

    private static void assertSaysWhereAndHow(RuntimeException e, Path file) {
        assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains(DataCache.FETCH_COMMAND),
                e.getMessage());
    }

    @Test
    void criteriaReportsAMissingFileItself() {
        var e = assertThrows(MissingDataException.class, () -> fromTheZoo(new DataCache(temp)).loadModel());
        assertSaysWhereAndHow(e, temp.resolve("minilm/model.onnx"));
    }

    @Test
    void criteriaReportsAFileThatIsNotTheModelItself() throws IOException {
        DataCache data = notAModel();
        var e = assertThrows(CorruptDataException.class, () -> fromTheZoo(data).loadModel());
        assertSaysWhereAndHow(e, temp.resolve("minilm/model.onnx"));
    }

    @Test
    void onnxRuntimeReportsAMissingFile() {
        var e = assertThrows(MissingDataException.class, () -> OnnxRuntimeMiniLm.load(new DataCache(temp)));
        assertSaysWhereAndHow(e, temp.resolve("minilm/model.onnx"));
    }

    @Test
    void onnxRuntimeBlamesABadFileNotTheEngine() throws IOException {
        DataCache data = notAModel();
        var e = assertThrows(CorruptDataException.class, () -> OnnxRuntimeMiniLm.load(data));
        assertSaysWhereAndHow(e, temp.resolve("minilm/model.onnx"));
        assertFalse(e.getMessage().contains("class path"), e.getMessage());
    }
}
