package org.lotterylab.runs;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.MalformedModelException;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ModelZoo;
import ai.djl.repository.zoo.ZooModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lotterylab.Float32Bound;
import org.lotterylab.nn.Models;
import org.lotterylab.nn.Net;
import com.google.gson.Gson;
import java.util.LinkedHashMap;

class LabModelZooTest {

    record Config(int seed) {}

    @TempDir
    Path root;

    private NDManager manager;
    private Net net;
    private Run run;

    @BeforeEach
    void storeARun() {
        manager = NDManager.newBaseManager();
        net = Models.lenet300100(10).initialize(manager, 3);
        run = RunStore.at(root).experiment("lottery-ticket").run(new Config(3));
        run.writeAtomic(ModelSpec.FILE, new Gson().toJson(ModelSpec.of(net)));
        run.saveCheckpoint("round-00-trained", net.weights());
        Map<String, NDArray> zeros = new LinkedHashMap<>();
        net.prunableNames().forEach(name -> zeros.put(name, net.parameter(name).getArray().zerosLike()));
        run.saveCheckpoint("round-01-mask", zeros);
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Criteria.Builder<NDList, NDList> criteria() {
        return Criteria.builder().setTypes(NDList.class, NDList.class)
                .optModelZoo(new LabModelZoo(root)).optGroupId(LabModelZoo.GROUP_ID).optArtifactId("lottery-ticket")
                .optFilter("run", run.hash());
    }

    @Test
    void loadsTheTrainedDenseNetThroughCriteria() throws Exception {
        NDArray input = manager.randomUniform(0, 1, new Shape(2, 1, 28, 28));
        NDArray expected = net.forward(new NDList(input), false).singletonOrThrow();
        try (ZooModel<NDList, NDList> model = criteria().build().loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray output = predictor.predict(new NDList(input)).singletonOrThrow();
            // The same float32 computation twice, from the stored weights: only the rounding of each pass may differ.
            Float32Bound.assertWithinProbabilisticBound(output, expected, 2 * Float32Bound.terms(net),
                    "the zoo's model against the net it was stored from");
        }
    }

    @Test
    void appliesAMaskCheckpointForTickets() throws Exception {
        // The stored mask prunes every weight, so the output no longer depends on the input.
        try (ZooModel<NDList, NDList> model = criteria().optFilter("mask", "round-01-mask").build().loadModel();
                Predictor<NDList, NDList> predictor = model.newPredictor()) {
            NDArray zeros = predictor.predict(new NDList(manager.zeros(new Shape(1, 1, 28, 28)))).singletonOrThrow();
            NDArray ones = predictor.predict(new NDList(manager.ones(new Shape(1, 1, 28, 28)))).singletonOrThrow();
            assertTrue(zeros.contentEquals(ones));
        }
    }

    @Test
    void unknownRunIsNotFoundWithAReason() {
        var error = assertThrows(ModelNotFoundException.class,
                () -> criteria().optFilter("run", "000000000000").build().loadModel());
        assertInstanceOf(ModelNotFoundException.class, error.getCause());
        assertTrue(error.getCause().getMessage().contains("000000000000"), error.getCause().getMessage());
    }

    @Test
    void aDamagedCheckpointIsReportedAsItselfNotAsAModelNotFound() throws Exception {
        Path checkpoint = run.dir().resolve("checkpoints/round-00-trained.ckpt");
        Files.write(checkpoint, new byte[] {1, 2, 3});
        var error = assertThrows(MalformedModelException.class, () -> criteria().build().loadModel());
        assertTrue(error.getMessage().contains("round-00-trained") && error.getMessage().contains("re-run"),
                error.getMessage());
    }

    @Test
    void zooIsRegisteredThroughTheServiceLoader() {
        assertInstanceOf(LabModelZoo.class, ModelZoo.getModelZoo(LabModelZoo.GROUP_ID));
    }
}
