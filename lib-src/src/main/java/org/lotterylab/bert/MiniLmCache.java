package org.lotterylab.bert;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.lotterylab.data.CorruptDataException;
import org.lotterylab.data.DataCache;
import org.lotterylab.nn.Net;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * MiniLM's weights, converted from ONNX once and kept in DJL's model format
 * ({@code <data>/minilm/djl/minilm-0000.params}, written by {@link Model#save}).
 *
 * <p>The cache folder is written beside the ONNX file under a temporary name and renamed into
 * place, so a crash never leaves half a cache. A cache that cannot be read is reported and
 * rebuilt from the ONNX file; so is one older than the ONNX file.
 */
final class MiniLmCache {

    private static final Logger LOG = LoggerFactory.getLogger(MiniLmCache.class);
    /** The ONNX file in the data set's folder. */
    static final String ONNX_FILE = "model.onnx";
    private static final String CACHE_FOLDER = "djl";

    private final DataCache data;

    MiniLmCache(DataCache data) {
        this.data = data;
    }

    /** Loads the pre-trained weights into {@code net}, an initialised MiniLM sentence encoder. */
    void loadInto(Net net) {
        Path onnx = data.require(MiniLm.DATASET, ONNX_FILE);
        Path cache = onnx.resolveSibling(CACHE_FOLDER);
        if (newerThan(cache, onnx)) {
            try {
                read(cache, net);
                return;
            } catch (IOException | MalformedModelException | RuntimeException e) {
                LOG.warn("The converted MiniLM in {} is unreadable ({}); converting {} again", cache, e, onnx);
            }
        }
        convert(onnx, net);
        write(cache, net);
    }

    /** Whether the cache exists and was written after the ONNX file (a re-fetched file is converted again). */
    private static boolean newerThan(Path cache, Path onnx) {
        try {
            return Files.isDirectory(cache) && Files.getLastModifiedTime(cache).compareTo(Files.getLastModifiedTime(onnx)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Reads the cache through a DJL model whose block is a second, uninitialised MiniLM. */
    private static void read(Path cache, Net net) throws IOException, MalformedModelException {
        Net staging = Bert.sentenceEncoder(BertConfig.miniLmL6());
        try (Model model = Model.newInstance(MiniLm.NAME, net.manager().getDevice())) {
            model.setBlock(staging.block());
            model.load(cache, MiniLm.NAME);
            Map<String, NDArray> weights = new LinkedHashMap<>();
            staging.parameters().forEach((name, p) -> weights.put(name, p.getArray()));
            net.load(weights);
        }
    }

    private static void convert(Path onnx, Net net) {
        OnnxGraph graph;
        try {
            graph = OnnxGraph.read(onnx);
        } catch (IOException e) {
            throw new CorruptDataException(onnx, "not an ONNX model (" + e.getMessage()
                    + "); expected the fp32 ONNX export of all-MiniLM-L6-v2", e);
        }
        try (NDManager scratch = net.manager().newSubManager()) {
            net.load(OnnxImport.weights(graph, net, scratch));
        } catch (IllegalArgumentException e) {
            throw new CorruptDataException(onnx, "not the fp32 ONNX export of all-MiniLM-L6-v2 (6 layers of width 384) "
                    + "that the import expects: " + e.getMessage(), e);
        }
    }

    private static void write(Path cache, Net net) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory(cache.getParent(), "." + CACHE_FOLDER);
            try (Model model = Model.newInstance(MiniLm.NAME, net.manager().getDevice())) {
                model.setBlock(net.block());
                model.save(temp, MiniLm.NAME);
            }
            deleteTree(cache);
            Files.move(temp, cache, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // The model is loaded; only the next start will be slower.
            LOG.warn("Could not cache the converted MiniLM in {}: {}", cache, e.getMessage());
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path folder) {
        try {
            if (folder != null) {
                deleteTree(folder);
            }
        } catch (IOException e) {
            LOG.warn("Could not remove the unfinished cache {}: {}", folder, e.getMessage());
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
