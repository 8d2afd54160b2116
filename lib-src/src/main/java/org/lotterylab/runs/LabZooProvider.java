package org.lotterylab.runs;

import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooProvider;
import org.lotterylab.Lab;

/** Registers {@link LabModelZoo} on {@code Lab.runsDir()} with DJL, through the service loader. */
public final class LabZooProvider implements ZooProvider {

    @Override
    public ModelZoo getModelZoo() {
        return new LabModelZoo(Lab.runsDir());
    }
}
