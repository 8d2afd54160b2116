package org.lotterylab.runs;

import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelZoo;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;

/**
 * The project's DJL model zoo (group id {@value #GROUP_ID}): one model loader per experiment of
 * the run store, listed afresh at each lookup so runs finished in this session are found.
 *
 * <pre>{@code
 * ZooModel<NDList, NDList> dense = Criteria.builder().setTypes(NDList.class, NDList.class)
 *         .optGroupId("org.lotterylab").optArtifactId("lottery-ticket")
 *         .optFilter("run", run.hash()).build().loadModel();
 * }</pre>
 */
public final class LabModelZoo extends ModelZoo {

    /** The zoo's group id. */
    public static final String GROUP_ID = "org.lotterylab";

    private final RunStore store;

    /** @param root the run store's folder, usually {@code Lab.runsDir()} */
    public LabModelZoo(Path root) {
        this.store = RunStore.at(root);
    }

    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    @Override
    public Collection<ModelLoader> getModelLoaders() {
        return store.experiments().stream().map(e -> (ModelLoader) new RunModelLoader(e, GROUP_ID)).toList();
    }

    @Override
    public Set<String> getSupportedEngines() {
        return Set.of("PyTorch");
    }
}
