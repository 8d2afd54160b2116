package org.lotterylab.bert;

import ai.djl.Application;
import ai.djl.Device;
import ai.djl.Model;
import ai.djl.repository.MRL;
import ai.djl.repository.Repository;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelLoader;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.DefaultTranslatorFactory;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorFactory;
import ai.djl.util.Progress;
import java.nio.file.Files;
import java.util.Map;
import org.lotterylab.Lab;
import org.lotterylab.data.DataCache;
import org.lotterylab.nn.Net;

/**
 * Serves all-MiniLM-L6-v2 from the data cache as a DJL model: the block is
 * {@link MiniLm#pretrained}'s, on the criteria's device (else {@link Lab#device()}); the
 * translator comes from the criteria or DJL's default factory ({@code NDList → NDList}, inputs as
 * {@link BertTokenizer#encode} makes them, output the pooled embeddings).
 */
final class MiniLmLoader implements ModelLoader {

    private final DataCache data;
    private final MRL mrl;

    MiniLmLoader(DataCache data, String groupId) {
        this.data = data;
        this.mrl = MRL.undefined(Repository.newInstance(MiniLm.NAME, data.root().resolve(MiniLm.DATASET)), groupId, MiniLm.NAME);
    }

    @Override
    public String getGroupId() {
        return mrl.getGroupId();
    }

    @Override
    public String getArtifactId() {
        return MiniLm.NAME;
    }

    @Override
    public Application getApplication() {
        return Application.NLP.TEXT_EMBEDDING;
    }

    @Override
    public MRL getMrl() {
        return mrl;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Only a translator that does not fit the criteria's types is "not found" (DJL then tries
     * other loaders and reports that none matched). A missing or damaged file is this model's own
     * failure: its {@link org.lotterylab.data.MissingDataException} or
     * {@link org.lotterylab.data.CorruptDataException} reaches the caller of
     * {@code Criteria.loadModel()} as it is, with the path and the command that fetches the file,
     * instead of two causes below DJL's "No model with the specified URI".
     */
    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria) throws ModelNotFoundException {
        Device device = criteria.getDevice() == null ? Lab.device() : criteria.getDevice();
        Model model = Model.newInstance(MiniLm.NAME, device);
        try {
            Net net = MiniLm.pretrained(model.getNDManager(), data);
            model.setBlock(net.block());
            TranslatorFactory factory = criteria.getTranslatorFactory() == null
                    ? new DefaultTranslatorFactory() : criteria.getTranslatorFactory();
            return new ZooModel<>(model, factory.newInstance(criteria.getInputClass(), criteria.getOutputClass(), model, Map.of()));
        } catch (TranslateException e) {
            model.close();
            throw new ModelNotFoundException(e.getMessage(), e);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    @Override
    public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
        return Files.isDirectory(data.root().resolve(MiniLm.DATASET));
    }

    @Override
    public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {
        // The files come with the data cache (environment/lab data); nothing is fetched at run time.
    }

    @Override
    public String toString() {
        return getGroupId() + ":" + getArtifactId() + " (" + data.root().resolve(MiniLm.DATASET) + ")";
    }
}
