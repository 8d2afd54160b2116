package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingHistoryTest {

    private static Evaluation at(int iteration, double accuracy) {
        return new Evaluation(iteration, iteration / 10.0, 0.1, 0.9, 0.2, accuracy);
    }

    @Test
    void earlyStoppingIterationIsTheFirstBestEvaluation() {
        var history = new TrainingHistory(List.of(at(10, 0.5), at(20, 0.8), at(30, 0.8), at(40, 0.7)));
        assertEquals(20, history.bestIteration());
        assertEquals(0.8, history.bestAccuracy());
        assertEquals(0.7, history.finalAccuracy());
    }
}
