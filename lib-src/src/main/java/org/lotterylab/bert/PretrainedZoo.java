package org.lotterylab.bert;

import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelZoo;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.lotterylab.data.DataCache;

/**
 * A DJL model zoo (group id {@value #GROUP_ID}) of the pre-trained models the project imports:
 * all-MiniLM-L6-v2, artifact id {@value MiniLm#NAME}. A zoo of its own rather than a loader in
 * the run store's zoo: DJL keys zoos by group id, and these models are data, not runs.
 *
 * <pre>{@code
 * ZooModel<NDList, NDList> minilm = Criteria.builder().setTypes(NDList.class, NDList.class)
 *         .optGroupId(PretrainedZoo.GROUP_ID).optArtifactId("minilm").build().loadModel();
 * }</pre>
 */
public final class PretrainedZoo extends ModelZoo {

    /** The zoo's group id. */
    public static final String GROUP_ID = "org.lotterylab.pretrained";

    private final DataCache data;

    /** @param data the data cache that holds the models' files, usually {@code DataCache.standard()} */
    public PretrainedZoo(DataCache data) {
        this.data = data;
    }

    @Override
    public String getGroupId() {
        return GROUP_ID;
    }

    @Override
    public Collection<ModelLoader> getModelLoaders() {
        return List.of(new MiniLmLoader(data, GROUP_ID));
    }

    @Override
    public Set<String> getSupportedEngines() {
        return Set.of("PyTorch");
    }
}
