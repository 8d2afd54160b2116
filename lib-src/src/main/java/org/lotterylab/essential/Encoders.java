package org.lotterylab.essential;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.LinkedHashMap;
import java.util.Map;
import org.lotterylab.bert.Bert;
import org.lotterylab.bert.BertConfig;
import org.lotterylab.nn.Net;

/**
 * The mean-pooled sentence encoder inside a BERT net with a head (a masked language model, a
 * classifier): the same embeddings and encoder weights, no head. It lets one linear probe score
 * models trained with different objectives on equal terms.
 */
public final class Encoders {

    private Encoders() {}

    /**
     * @param trained a net of {@code org.lotterylab.bert} built with {@code config}
     * @param config the trained net's size
     * @param manager owns the encoder's weights
     * @return an independent sentence encoder holding a copy of the trained net's embeddings and encoder
     */
    public static Net meanPooled(Net trained, BertConfig config, NDManager manager) {
        Net encoder = Bert.sentenceEncoder(config).initialize(manager, 0);
        Map<String, NDArray> trunk = new LinkedHashMap<>();
        trained.parameters().forEach((name, parameter) -> {
            if (encoder.parameters().containsKey(name)) {
                trunk.put(name, parameter.getArray());
            }
        });
        encoder.load(trunk);
        return encoder;
    }
}
