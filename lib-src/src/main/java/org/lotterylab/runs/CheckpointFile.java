package org.lotterylab.runs;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.Sha256;

/**
 * The bytes of a checkpoint: named tensors with an integrity header, so that a truncated or
 * damaged file is recognised instead of being loaded as wrong weights.
 *
 * <p>Layout: a magic line, a one-line JSON header {@code {"names":[…],"bytes":n,"sha256":"…"}},
 * then the tensors in DJL's own {@link NDList#encode()} format. The names travel in the header
 * rather than on the arrays, so saving never renames the caller's arrays.
 */
final class CheckpointFile {

    /** Thrown when a checkpoint's bytes do not match their header. */
    static final class CorruptException extends Exception {
        CorruptException(String reason) {
            super(reason);
        }
    }

    private static final String MAGIC = "lotterylab-checkpoint v1";
    private static final Gson GSON = new Gson();

    private record Header(List<String> names, long bytes, String sha256) {}

    private CheckpointFile() {}

    static byte[] encode(Map<String, NDArray> tensors) throws IOException {
        NDList list = new NDList(tensors.values());
        byte[] payload = list.encode();
        Header header = new Header(List.copyOf(tensors.keySet()), payload.length, Sha256.of(payload));
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 256);
        out.write((MAGIC + "\n" + GSON.toJson(header) + "\n").getBytes(StandardCharsets.UTF_8));
        out.write(payload);
        return out.toByteArray();
    }

    /**
     * Checks a checkpoint's bytes against their header without creating any tensor.
     *
     * @throws CorruptException saying what is wrong
     */
    static void verify(byte[] file) throws CorruptException {
        checked(file);
    }

    static Map<String, NDArray> decode(byte[] file, NDManager manager) throws CorruptException {
        Checked checked = checked(file);
        NDList list = NDList.decode(manager, checked.payload());
        List<String> names = checked.header().names();
        if (list.size() != names.size()) {
            throw new CorruptException(list.size() + " tensors for " + names.size() + " names");
        }
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            tensors.put(names.get(i), list.get(i));
        }
        return tensors;
    }

    /** The header and the payload it vouches for: complete and with the recorded SHA-256. */
    private record Checked(Header header, byte[] payload) {}

    private static Checked checked(byte[] file) throws CorruptException {
        int magicEnd = indexOf(file, 0);
        int headerEnd = magicEnd < 0 ? -1 : indexOf(file, magicEnd + 1);
        if (headerEnd < 0 || !MAGIC.equals(text(file, 0, magicEnd))) {
            throw new CorruptException("not a Lottery Lab checkpoint (bad header)");
        }
        Header header = parse(text(file, magicEnd + 1, headerEnd));
        byte[] payload = Arrays.copyOfRange(file, headerEnd + 1, file.length);
        if (payload.length != header.bytes()) {
            throw new CorruptException("truncated: " + payload.length + " of " + header.bytes() + " bytes");
        }
        if (!Sha256.of(payload).equals(header.sha256())) {
            throw new CorruptException("SHA-256 mismatch: the content was altered");
        }
        return new Checked(header, payload);
    }

    private static Header parse(String json) throws CorruptException {
        try {
            Header header = GSON.fromJson(json, Header.class);
            if (header == null || header.names() == null || header.sha256() == null) {
                throw new CorruptException("incomplete header");
            }
            return header;
        } catch (JsonParseException e) {
            throw new CorruptException("unreadable header: " + e.getMessage());
        }
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String text(byte[] bytes, int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }
}
