package org.lotterylab.gems;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.dataset.ArrayDataset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.TieCount;
import org.lotterylab.scores.ScoreModels;
import org.lotterylab.scores.SignedConstant;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.Schedule;
import org.lotterylab.train.TinyTask;
import org.lotterylab.train.TinyTaskTest;
import org.lotterylab.train.TrainingConfig;

class GemMinerTest extends TinyTaskTest {

    private static TrainingConfig mining(int epochs, int batchSize) {
        return TrainingConfig.defaults().withOptimizer(OptimizerKind.SGD_MOMENTUM, 0.1).withMomentum(0.9)
                .withSchedule(Schedule.cosine()).withEpochs(epochs).withBatchSize(batchSize);
    }

    private static GemMinerConfig config(double density) {
        return new GemMinerConfig(mining(3, 32), density, 1, 1e-4);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 0.05, 0.0144})
    void finalDensityIsTheTargetExactly(double density) {
        Net net = TinyTask.net().initialize(manager, 0);
        Mined gem = GemMiner.mine(net, train, config(density));
        long total = gem.mask().total();
        assertEquals(Math.round(density * total), gem.mask().remaining());
        assertEquals(gem.mask().remaining(), gem.inverted().remaining());
        gem.mask().validate(net);
    }

    /** The notebook's raised score rate: many scores end clamped to exactly 0, so selections tie in bulk. */
    private static GemMinerConfig clamping(double density) {
        return config(density).withTraining(mining(3, 32).withOptimizer(OptimizerKind.SGD_MOMENTUM, 2.0));
    }

    @Test
    void everyFreezingStepAndTheInversionReportTheirTies() {
        Net net = TinyTask.net().initialize(manager, 0);
        GemMinerConfig config = clamping(0.05);
        Mined gem = GemMiner.mine(net, train, config);
        assertEquals(config.freezes(), gem.freezeTies().size());
        // The inversion ranks every score; clamped scores tie at exactly 0, and the lowest 5% are among them.
        assertTrue(gem.inversionTies().tied() >= gem.inversionTies().kept());
        assertEquals(0.0, Math.abs(gem.inversionTies().threshold()), "the inversion's threshold is a score clamped to 0");
        assertTrue(gem.inversionTies().decided(), "more scores sit at 0 than the inversion keeps");
    }

    @Test
    void randomTiesSpreadTheInversionOverTheLayersWherePositionFillsTheFirst() {
        Mined byPosition = GemMiner.mine(TinyTask.net().initialize(manager, 0), train, clamping(0.05).withRandomTies(false));
        Mined random = GemMiner.mine(TinyTask.net().initialize(manager, 0), train, clamping(0.05));
        TieCount position = byPosition.inversionTies();
        assertTrue(position.decided(), "the inversion has to choose among tied scores: " + position);
        assertEquals(position.tiedPerLayer().get("fc1.weight"), position.keptPerLayer().get("fc1.weight"),
                "by position the first layer keeps every one of its tied scores: " + position);
        TieCount drawn = random.inversionTies();
        assertTrue(drawn.decided(), "the inversion has to choose among tied scores: " + drawn);
        assertTrue(drawn.keptPerLayer().get("fc1.weight") < drawn.tiedPerLayer().get("fc1.weight")
                && drawn.keptPerLayer().get("fc2.weight") > 0, "random ties share the places out: " + drawn);
    }

    @Test
    void weightsStayFrozenAtTheirSignedConstants() {
        Net net = TinyTask.net().initialize(manager, 0);
        Net expected = TinyTask.net().initialize(manager, 0);
        SignedConstant.apply(expected);
        GemMiner.mine(net, train, config(0.1));
        for (Map.Entry<String, Parameter> e : net.parameters().entrySet()) {
            Parameter.Type type = e.getValue().getType();
            if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
                continue;   // BatchNorm's statistics follow the data; they are not learned
            }
            NDArray want = expected.parameter(e.getKey()).getArray();
            assertTrue(e.getValue().getArray().contentEquals(want), e.getKey() + " changed while mining");
        }
    }

    @Test
    void minesResNet20WithoutTouchingItsBatchNormAffineParameters() {
        Net net = ScoreModels.resnet20(1, 3).initialize(manager, 0);
        ArrayDataset images = randomImages(16, 8);
        NDArray gamma = net.parameter("stage2.block1.bn1.gamma").getArray().duplicate();
        Mined gem = GemMiner.mine(net, images, new GemMinerConfig(mining(2, 8), 0.05, 1, 1e-4));
        assertEquals(Math.round(0.05 * gem.mask().total()), gem.mask().remaining());
        assertTrue(net.parameter("stage2.block1.bn1.gamma").getArray().contentEquals(gamma));
    }

    @Test
    void minedCostCountsOnePassPerBatch() {
        Net net = TinyTask.net().initialize(manager, 0);
        Mined gem = GemMiner.mine(net, train, config(0.2));
        assertEquals(3 * 3, gem.cost().passes());
        assertTrue(gem.cost().seconds() > 0);
    }

    @Test
    void freezingNeedsAtLeastOneStep() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new GemMinerConfig(mining(2, 32), 0.1, 2, 1e-4));
        assertTrue(e.getMessage().contains("freezeEvery"));
        assertEquals(0.5, new GemMinerConfig(mining(5, 32), 0.25, 2, 0).freezeRate(), 1e-12);
    }
}
