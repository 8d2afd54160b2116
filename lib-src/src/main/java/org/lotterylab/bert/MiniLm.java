package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.repository.zoo.ZooModel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lotterylab.data.DataCache;
import org.lotterylab.nn.Net;

/**
 * The pre-trained all-MiniLM-L6-v2 sentence encoder (sentence-transformers; 6 layers, width
 * 384), imported from the fp32 ONNX file that {@code environment/lab data} fetches into
 * {@code <data>/minilm/model.onnx}.
 *
 * <p>The first use converts the ONNX weights and caches them in DJL's own model format under
 * {@code <data>/minilm/djl/}; later uses read the cache. The model is also served by DJL's model
 * zoo ({@link PretrainedZoo}), so {@code Criteria} finds it:
 *
 * <pre>{@code
 * Net minilm = MiniLm.pretrained(manager);           // output: mean-pooled [B, 384] embeddings
 * try (BertTokenizer tokenizer = BertTokenizer.miniLm()) {
 *     NDArray embeddings = minilm.forward(tokenizer.encode(manager, texts, 128), false).head();
 * }
 * }</pre>
 */
public final class MiniLm {

    /** The folder of the data cache that holds the model. */
    public static final String DATASET = "minilm";
    /** The model's name: the zoo's artifact id and the cache's file prefix. */
    public static final String NAME = "minilm";

    private MiniLm() {}

    /**
     * Returns all-MiniLM-L6-v2 as {@code Bert.sentenceEncoder(BertConfig.miniLmL6())} with the
     * pre-trained weights, on the manager's device.
     *
     * @throws org.lotterylab.data.MissingDataException if the ONNX file has not been fetched
     * @throws org.lotterylab.data.CorruptDataException if the file is not the expected ONNX model
     */
    public static Net pretrained(NDManager manager) {
        return pretrained(manager, DataCache.standard());
    }

    /**
     * Like {@link #pretrained(NDManager)}, from the given data cache.
     *
     * @param data the cache holding {@code minilm/model.onnx}; the converted model is cached beside it
     */
    public static Net pretrained(NDManager manager, DataCache data) {
        Net net = Bert.sentenceEncoder(BertConfig.miniLmL6()).initialize(manager, 0);
        new MiniLmCache(data).loadInto(net);
        return net;
    }

    /**
     * The MiniLM that DJL's {@code Criteria} loaded from {@link PretrainedZoo}, as a net of this
     * package (pruning addresses weights by the net's names), its weights copied onto {@code manager}.
     *
     * <pre>{@code
     * var zoo = Criteria.builder().setTypes(NDList.class, NDList.class)
     *         .optGroupId(PretrainedZoo.GROUP_ID).optArtifactId(MiniLm.NAME).build().loadModel();
     * Net minilm = MiniLm.of(zoo, manager);
     * }</pre>
     *
     * @param model a model loaded by {@code Criteria} from {@link PretrainedZoo}, artifact {@value #NAME}
     * @param manager where the net's weights live
     * @return the net
     * @throws IllegalArgumentException when the model's block is not MiniLM's (other parameters or shapes)
     */
    public static Net of(ZooModel<?, ?> model, NDManager manager) {
        Net net = Bert.sentenceEncoder(BertConfig.miniLmL6()).initialize(manager, 0);
        // The same architecture lists its parameters in the same order: DJL's and the net's walks are both
        // depth-first, direct parameters first.
        List<Parameter> source = model.getBlock().getParameters().values();
        List<String> names = List.copyOf(net.parameters().keySet());
        if (source.size() != names.size()) {
            throw new IllegalArgumentException("the model '" + model.getName() + "' has " + source.size()
                    + " parameters, MiniLM " + names.size() + ": is it MiniLM?");
        }
        Map<String, NDArray> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            values.put(names.get(i), source.get(i).getArray());
        }
        net.load(values);
        return net;
    }
}
