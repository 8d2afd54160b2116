package org.lotterylab.slth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.lotterylab.nn.Net;

class ConstructionTest {

    /** Output tolerance of the tiny targets: a few ε-sized errors per fan-in, plus the linear regime's. */
    private static final double BOUND = 0.05;

    /**
     * 2L puts every layer, not only the first, in the near-linear regime, and a hidden softplus
     * output is not bounded by 1: its second-order error (s·a²x²/4 per term) grows with x².
     */
    private static final double TWICE_DEPTH_BOUND = 0.15;

    private NDManager manager;

    @BeforeEach
    void open() {
        manager = NDManager.newBaseManager();
    }

    @AfterEach
    void close() {
        manager.close();
    }

    private Net trained(Architecture architecture) {
        return architecture.net().initialize(manager, 3);
    }

    private NDArray inputs(Architecture architecture) {
        manager.getEngine().setRandomSeed(5);
        return manager.randomUniform(0, 1, new Shape(16).addAll(architecture.image()));
    }

    @ParameterizedTest
    @EnumSource(Nonlinearity.class)
    void bothConstructionsComputeTheMlpTargetForEveryActivation(Nonlinearity phi) {
        checkBothConstructions(Architecture.mlp(phi, new Shape(1, 2, 2), 2, 3, 3));
    }

    @ParameterizedTest
    @EnumSource(Nonlinearity.class)
    void bothConstructionsComputeTheCnnTargetForEveryActivation(Nonlinearity phi) {
        checkBothConstructions(Architecture.cnn(phi, new Shape(1, 6, 6), 2, 3, 2));
    }

    private void checkBothConstructions(Architecture architecture) {
        Net target = trained(architecture);
        Target read = Target.read(architecture, target);
        NDArray x = inputs(architecture);
        check(target, read, x, Construction.depthPlusOne(20, 1e-3), BOUND);
        check(target, read, x, Construction.twiceDepth(20, 1e-3), TWICE_DEPTH_BOUND);
    }

    private void check(Net target, Target read, NDArray x, Construction construction, double bound) {
        try (Constructed ticket = construction.build(read, manager)) {
            OutputError error = OutputError.between(target, ticket.net(), x);
            assertTrue(error.max() < bound, read.architecture().label() + " " + construction.method() + ": " + error
                    + ", failed " + ticket.failedSolves() + " of " + ticket.solves());
        }
    }

    @Test
    void depthPlusOneAddsOneLayerAndTwiceDepthDoublesThem() {
        Architecture architecture = Architecture.mlp(Nonlinearity.RELU, new Shape(1, 2, 2), 2, 3, 3);
        Target target = Target.read(architecture, trained(architecture));
        try (Constructed plusOne = Construction.depthPlusOne(4, 0.05).build(target, manager);
                Constructed twice = Construction.twiceDepth(4, 0.05).build(target, manager)) {
            assertEquals(4, plusOne.layers());
            assertEquals(4, plusOne.net().prunableNames().size());
            assertEquals(6, twice.layers());
            assertEquals(6, twice.net().prunableNames().size());
        }
    }

    @Test
    void theMaskFitsTheNetAndItsPrunedWeightsAreZero() {
        Architecture architecture = Architecture.cnn(Nonlinearity.TANH, new Shape(1, 6, 6), 2, 3, 2);
        Target target = Target.read(architecture, trained(architecture));
        try (Constructed ticket = Construction.depthPlusOne(5, 0.05).build(target, manager)) {
            ticket.mask().validate(ticket.net());
            assertEquals(0, ticket.mask().revivedIn(ticket.net()));
            assertEquals(ticket.kept(), ticket.mask().remaining());
            assertEquals(ticket.total(), ticket.mask().total());
            assertTrue(ticket.density() > 0 && ticket.density() < 0.5, "density " + ticket.density());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Nonlinearity.class, names = {"RELU", "TANH"})
    void redrawnNumbersAreTheSourcesOwnAndCountAsExtraWidth(Nonlinearity phi) {
        Architecture architecture = Architecture.mlp(phi, new Shape(1, 2, 2), 2, 3, 3);
        Net target = trained(architecture);
        Target read = Target.read(architecture, target);
        // ε / fan-in (2·10⁻⁴ for a fan-in of 5) is finer than 20 numbers reach every time: some first draws miss.
        try (Constructed ticket = Construction.depthPlusOne(20, 1e-3).perFanIn().redraws(100).build(read, manager)) {
            assertTrue(ticket.firstDrawMisses() > 0, "some first draws miss: " + ticket.firstDrawMisses());
            assertTrue(ticket.failedSolves() < ticket.firstDrawMisses(), ticket.failedSolves() + " still fail of "
                    + ticket.firstDrawMisses() + " first misses");
            assertTrue(ticket.redrawnWeights() >= ticket.firstDrawMisses(), "each redraw draws at least one number");
            // Had the fresh numbers not been written into the source, its output would be off by whole weights.
            OutputError error = OutputError.between(target, ticket.net(), inputs(architecture));
            assertTrue(error.max() < BOUND, phi + ": " + error);
        }
        try (Constructed plain = Construction.depthPlusOne(20, 1e-3).build(read, manager)) {
            assertEquals(plain.failedSolves(), plain.firstDrawMisses(), "without redraws every first miss stays a failure");
            assertEquals(0, plain.redrawnWeights());
        }
    }
}
