package org.lotterylab.prune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.AtomicFiles;

/**
 * The file format of a saved {@link Mask}: a NumPy {@code .npz} archive holding one float32 0/1
 * array per masked parameter, named by the parameter ({@code fc1.weight}), plus an int32 array
 * {@value #VERSION_KEY} = [{@value #VERSION}]. Python reads it with {@code numpy.load(path)}.
 *
 * <p>Writes go to a temporary file in the same directory that is then renamed over the target,
 * so a crash never leaves a half-written mask under the real name.
 */
final class MaskFile {

    static final String VERSION_KEY = "lotterylab.mask.format";
    static final int VERSION = 1;

    private MaskFile() {}

    static void write(Path file, Map<String, NDArray> tensors) throws IOException {
        NDManager manager = tensors.values().iterator().next().getManager();
        try (NDManager scratch = manager.newSubManager()) {
            NDList list = new NDList();
            tensors.forEach((name, t) -> list.add(named(t.duplicate(), name, scratch)));
            list.add(named(scratch.create(new int[] {VERSION}), VERSION_KEY, scratch));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            list.encode(bytes, NDList.Encoding.NPZ);
            AtomicFiles.write(file, bytes.toByteArray());
        }
    }

    private static NDArray named(NDArray array, String name, NDManager owner) {
        array.attach(owner);
        array.setName(name);
        return array;
    }

    static Map<String, NDArray> read(Path file, NDManager manager) throws IOException {
        NDList list;
        try (InputStream in = Files.newInputStream(file)) {
            list = NDList.decode(manager, in);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no mask file here; save one with mask.save(path)");
        } catch (IOException | RuntimeException e) {
            throw corrupt(file, e.toString());
        }
        NDArray version = list.remove(VERSION_KEY);
        if (version == null || version.size() != 1 || version.toIntArray()[0] != VERSION) {
            list.close();
            throw corrupt(file, "no " + VERSION_KEY + " = " + VERSION + " entry");
        }
        version.close();
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        list.forEach(t -> tensors.put(t.getName(), t));
        if (tensors.isEmpty()) {
            throw corrupt(file, "it holds no mask tensors");
        }
        return tensors;
    }

    private static IOException corrupt(Path file, String why) {
        return new IOException("Mask file " + file + " is truncated, corrupt or not a Lottery Lab mask (format "
                + VERSION + "): " + why + ". Delete it and compute the mask again.");
    }
}
