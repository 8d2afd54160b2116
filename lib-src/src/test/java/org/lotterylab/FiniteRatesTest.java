package org.lotterylab;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.function.DoubleFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.lotterylab.bip.BipConfig;
import org.lotterylab.gems.GemMinerConfig;
import org.lotterylab.imc.ImcConfig;
import org.lotterylab.train.GradientClipping;
import org.lotterylab.train.OptimizerKind;
import org.lotterylab.train.TrainingConfig;

/** A rate, a decay or a factor of infinity (or NaN) passed the old "> 0" checks and trained nothing but NaNs. */
class FiniteRatesTest {

    private static final TrainingConfig TRAINING = TrainingConfig.defaults();

    /**
     * Each configuration, made with one value replaced by the bad one. The methods' configurations
     * embed a {@link TrainingConfig}, so their learning rates and decays are its own.
     */
    private static final Map<String, DoubleFunction<Record>> WITH_BAD_VALUE = Map.ofEntries(
            Map.entry("training learning rate", bad -> TRAINING.withOptimizer(OptimizerKind.SGD_MOMENTUM, bad)),
            Map.entry("training weight decay", TRAINING::withWeightDecay),
            Map.entry("GEM-MINER lambda", bad -> GemMinerConfig.of(0.5, 4).withLambda(bad)),
            Map.entry("BiP score learning rate", bad -> BipConfig.of(0.5, 1).withScoreLearningRate(bad)),
            Map.entry("BiP gamma", bad -> BipConfig.of(0.5, 1).withGamma(bad)),
            Map.entry("gradient clipping", bad -> new GradientClipping((float) bad)),
            Map.entry("IMC gap factor", bad -> ImcConfig.defaults(TRAINING).withGapFactor(bad)));

    @ParameterizedTest
    @ValueSource(doubles = {Double.POSITIVE_INFINITY, Double.NaN})
    void everyConfigurationRefusesANonFiniteValueNamingIt(double bad) {
        WITH_BAD_VALUE.forEach((what, make) -> {
            var e = assertThrows(IllegalArgumentException.class, () -> make.apply(bad), what);
            assertTrue(e.getMessage().contains("finite") && e.getMessage().contains(String.valueOf(bad)),
                    what + ": " + e.getMessage());
        });
    }
}
