package org.lotterylab.bert;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.data.CorruptDataException;
import org.lotterylab.data.DataCache;
import org.lotterylab.data.DataManifest;

/** Files that are not the expected ONNX model are refused with a message saying what to do. */
class OnnxImportTest {

    /** A protobuf ModelProto holding only an empty graph: field 7, length-delimited, length 0. */
    private static final byte[] EMPTY_GRAPH = {0x3A, 0x00};

    private final NDManager manager = NDManager.newBaseManager();

    @TempDir
    Path temp;

    @AfterEach
    void close() {
        manager.close();
    }

    private CorruptDataException refused(byte[] content) throws IOException {
        Files.createDirectories(temp.resolve("minilm"));
        Files.write(temp.resolve("minilm/model.onnx"), content);
        // Made-up files, not in the manifest: what is checked here is the import's own explanation.
        DataCache madeUp = new DataCache(temp, DataManifest.none());
        return assertThrows(CorruptDataException.class, () -> MiniLm.pretrained(manager, madeUp));
    }

    @Test
    void theRealModelWithOneFlippedByteIsRefusedBeforeConversion() throws IOException {
        Path onnx = temp.resolve("minilm/model.onnx");
        Files.createDirectories(onnx.getParent());
        Files.copy(Fetched.minilm("model.onnx"), onnx);
        byte[] bytes = Files.readAllBytes(onnx);
        bytes[bytes.length / 2] ^= 0x40;
        Files.write(onnx, bytes);
        DataCache checked = new DataCache(temp);
        var e = assertThrows(CorruptDataException.class, () -> MiniLm.pretrained(manager, checked));
        assertTrue(e.getMessage().contains(onnx.toString()) && e.getMessage().contains("SHA-256")
                && e.getMessage().contains("environment/lab data"), e.getMessage());
        assertFalse(Files.exists(temp.resolve("minilm/djl")), "nothing was converted");
    }

    @Test
    void aFileThatIsNotOnnxIsExplained() throws IOException {
        String message = refused("<html>404 not found</html>".getBytes()).getMessage();
        assertTrue(message.contains("not an ONNX model") && message.contains("environment/lab data"), message);
    }

    @Test
    void anOnnxModelOfAnotherNetworkIsExplained() throws IOException {
        String message = refused(EMPTY_GRAPH).getMessage();
        assertTrue(message.contains("all-MiniLM-L6-v2") && message.contains("no initializer for")
                && message.contains("environment/lab data"), message);
    }
}
