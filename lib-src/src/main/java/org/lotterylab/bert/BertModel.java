package org.lotterylab.bert;

import org.lotterylab.nn.NamedSequential;

/**
 * The block of every BERT net: {@code embeddings}, {@code encoder.layer.<i>}, then a task head.
 * It remembers its {@link BertConfig} so that a net can be rebuilt around a trained encoder.
 */
final class BertModel extends NamedSequential {

    private final BertConfig config;

    BertModel(BertConfig config) {
        this.config = config;
        add(Bert.EMBEDDINGS, new BertEmbeddings(config));
        NamedSequential layers = new NamedSequential();
        for (int i = 0; i < config.layers(); i++) {
            layers.add(Integer.toString(i), new BertLayer(config));
        }
        add(Bert.ENCODER, new NamedSequential().add("layer", layers));
    }

    BertConfig config() {
        return config;
    }
}
