package org.lotterylab.bert;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;
import org.lotterylab.data.DataCache;

/** Registers {@link PretrainedZoo} on the standard data cache with DJL, through the service loader. */
public final class PretrainedZooProvider implements ZooProvider {

    @Override
    public ModelZoo getModelZoo() {
        return new PretrainedZoo(DataCache.standard());
    }
}
