package org.lotterylab.runs;

import ai.djl.Application;
import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
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
import com.google.gson.Gson;
import java.util.Map;
import org.lotterylab.Lab;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/**
 * Serves one experiment's runs as DJL models: artifact id = experiment, filters choose the run
 * and the weights.
 *
 * <ul>
 *   <li>{@code run}: the run's hash (required);</li>
 *   <li>{@code checkpoint}: the weights to load (default {@code round-00-trained}, IMP's trained dense net);</li>
 *   <li>{@code mask}: a mask checkpoint applied to them (e.g. {@code round-03-mask} with
 *       {@code checkpoint=rewind} gives the ticket of round 3).</li>
 * </ul>
 *
 * <p>Runs are files on this machine, so there is nothing to download. The net is rebuilt from the
 * run's {@link ModelSpec}; the translator comes from the criteria or DJL's default factory
 * ({@code NDList → NDList}).
 */
final class RunModelLoader implements ModelLoader {

    /** The checkpoint loaded when the criteria name none. */
    static final String DEFAULT_CHECKPOINT = "round-00-trained";

    private static final Gson GSON = new Gson();

    private final Experiment experiment;
    private final MRL mrl;

    RunModelLoader(Experiment experiment, String groupId) {
        this.experiment = experiment;
        this.mrl = MRL.undefined(Repository.newInstance(experiment.name(), experiment.dir()), groupId, experiment.name());
    }

    @Override
    public String getGroupId() {
        return mrl.getGroupId();
    }

    @Override
    public String getArtifactId() {
        return experiment.name();
    }

    @Override
    public Application getApplication() {
        return Application.UNDEFINED;
    }

    @Override
    public MRL getMrl() {
        return mrl;
    }

    @Override
    public <I, O> ZooModel<I, O> loadModel(Criteria<I, O> criteria)
            throws ModelNotFoundException, MalformedModelException {
        Map<String, String> filters = criteria.getFilters() == null ? Map.of() : criteria.getFilters();
        String hash = filters.get("run");
        if (hash == null) {
            throw new ModelNotFoundException("name the run: .optFilter(\"run\", hash); runs of " + experiment.name()
                    + ": " + experiment.runs().stream().map(Run::hash).toList());
        }
        Run run = experiment.find(hash).orElseThrow(() -> new ModelNotFoundException("no run " + hash + " in " + experiment));
        ModelSpec spec = GSON.fromJson(run.read(ModelSpec.FILE).orElseThrow(() -> new ModelNotFoundException(
                run + " has no " + ModelSpec.FILE + "; only runs that record their architecture can be served")), ModelSpec.class);
        Device device = criteria.getDevice() == null ? Lab.device() : criteria.getDevice();
        Model model = Model.newInstance(spec.name(), device);
        try {
            Net net = spec.build().initialize(model.getNDManager(), 0);
            net.load(checkpoint(run, filters.getOrDefault("checkpoint", DEFAULT_CHECKPOINT), model));
            if (filters.containsKey("mask")) {
                try (Mask mask = Mask.of(checkpoint(run, filters.get("mask"), model))) {
                    mask.applyTo(net);
                }
            }
            model.setBlock(net.block());
            return new ZooModel<>(model, translatorFactory(criteria).newInstance(
                    criteria.getInputClass(), criteria.getOutputClass(), model, Map.of()));
        } catch (MalformedModelException e) {
            // Not "not found": DJL would hide it under "No model with the specified URI" and try other loaders.
            model.close();
            throw e;
        } catch (TranslateException | RuntimeException e) {
            model.close();
            throw new ModelNotFoundException(e.getMessage(), e);
        }
    }

    @Override
    public <I, O> boolean isDownloaded(Criteria<I, O> criteria) {
        return true;
    }

    @Override
    public <I, O> void downloadModel(Criteria<I, O> criteria, Progress progress) {
        // Runs are local folders: there is nothing to fetch.
    }

    @Override
    public String toString() {
        return getGroupId() + ":" + getArtifactId() + " (" + experiment.dir() + ")";
    }

    private static Map<String, NDArray> checkpoint(Run run, String name, Model model) throws MalformedModelException {
        return run.loadCheckpoint(name, model.getNDManager()).orElseThrow(() -> new MalformedModelException(
                run + " has no readable checkpoint '" + name + "' (a damaged one is kept as *.corrupt): re-run the code that "
                + "made the run (imp.run, fit) with the net initialised as the first time, which recomputes it"));
    }

    private static TranslatorFactory translatorFactory(Criteria<?, ?> criteria) {
        return criteria.getTranslatorFactory() == null ? new DefaultTranslatorFactory() : criteria.getTranslatorFactory();
    }
}
