package org.lotterylab.bert;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.TranslateException;
import java.io.IOException;
import java.nio.file.Path;
import org.lotterylab.data.CorruptDataException;
import org.lotterylab.data.DataCache;

/**
 * The same all-MiniLM-L6-v2 ONNX file run by ONNX Runtime (DJL's {@code OnnxRuntime} engine): the
 * oracle the import is checked against, and the other side of its benchmark. The ONNX graph's only
 * output is {@code last_hidden_state}, the token embeddings before pooling.
 *
 * <pre>{@code
 * try (OnnxRuntimeMiniLm reference = OnnxRuntimeMiniLm.load()) {
 *     NDArray tokens = reference.tokenEmbeddings(tokenizer.encode(manager, texts, 128));
 * }
 * }</pre>
 */
public final class OnnxRuntimeMiniLm implements AutoCloseable {

    private static final String ENGINE = "OnnxRuntime";
    /** The file name without {@code .onnx}: ONNX Runtime is given the folder, as DJL expects of a model. */
    private static final String MODEL_NAME = "model";
    /** The graph's input names, in the order of {@link BertTokenizer#encode}'s arrays. */
    private static final String[] INPUTS = {"input_ids", "token_type_ids", "attention_mask"};

    private final ZooModel<NDList, NDList> model;
    private final Predictor<NDList, NDList> predictor;

    private OnnxRuntimeMiniLm(ZooModel<NDList, NDList> model) {
        this.model = model;
        this.predictor = model.newPredictor();
    }

    /** Loads {@code <data>/minilm/model.onnx} from the standard data cache. */
    public static OnnxRuntimeMiniLm load() {
        return load(DataCache.standard());
    }

    /**
     * Loads {@code minilm/model.onnx} of {@code data} into ONNX Runtime, after checking it against
     * its SHA-256 (see {@link DataCache#require}).
     *
     * @throws org.lotterylab.data.MissingDataException if the file has not been fetched
     * @throws CorruptDataException if the file is damaged or ONNX Runtime cannot read it as a model
     * @throws IllegalStateException if ONNX Runtime is not on the class path
     */
    public static OnnxRuntimeMiniLm load(DataCache data) {
        Path onnx = data.require(MiniLm.DATASET, MiniLmCache.ONNX_FILE);
        if (!Engine.hasEngine(ENGINE)) {
            throw new IllegalStateException("ONNX Runtime is not on the class path: add the Maven dependency "
                    + "ai.djl.onnxruntime:onnxruntime-engine (the library's own pom declares it for run time)");
        }
        Criteria<NDList, NDList> criteria = Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelPath(onnx.getParent()).optModelName(MODEL_NAME).optEngine(ENGINE).build();
        try {
            return new OnnxRuntimeMiniLm(criteria.loadModel());
        } catch (MalformedModelException e) {
            throw new CorruptDataException(onnx, "ONNX Runtime cannot read it as a model (" + deepestCause(e).getMessage() + ")", e);
        } catch (ModelNotFoundException | IOException e) {
            throw new IllegalStateException("ONNX Runtime cannot open " + onnx + ": " + deepestCause(e).getMessage(), e);
        }
    }

    /** DJL wraps the engine's own error, which says what is wrong with the file. */
    private static Throwable deepestCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /**
     * Runs the model on a batch.
     *
     * @param inputs NDList(tokenIds, typeIds, attentionMask) as {@link BertTokenizer#encode} makes them
     * @return the token embeddings (last hidden state) [B, T, 384], on the inputs' manager
     */
    public NDArray tokenEmbeddings(NDList inputs) {
        NDManager caller = inputs.head().getManager();
        try (NDManager scratch = model.getNDManager().newSubManager()) {
            NDList named = new NDList();
            for (int i = 0; i < INPUTS.length; i++) {
                NDArray input = scratch.create(inputs.get(i).toLongArray(), inputs.get(i).getShape());
                input.setName(INPUTS[i]);
                named.add(input);
            }
            NDList outputs = predictor.predict(named);
            // The outputs come detached from any manager; the scratch one frees them.
            outputs.attach(scratch);
            NDArray output = outputs.head();
            return caller.create(output.toFloatArray(), output.getShape());
        } catch (TranslateException e) {
            throw new IllegalStateException("ONNX Runtime failed on a batch of shape " + inputs.head().getShape(), e);
        }
    }

    /** Returns the device ONNX Runtime runs on. */
    public Device device() {
        return model.getNDManager().getDevice();
    }

    @Override
    public void close() {
        predictor.close();
        model.close();
    }
}
