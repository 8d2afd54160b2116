package org.lotterylab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
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

    @Test
    void aValidationSetDecidesTheBestEvaluationAndTheTestSetIsReportedThere() {
        // The test set's best is iteration 30; the validation set's is 20, and that is the one reported.
        var history = new TrainingHistory(List.of(
                new Evaluation(10, 1, 0.1, 0.9, 0.2, 0.50, 0.3, 0.60),
                new Evaluation(20, 2, 0.1, 0.9, 0.2, 0.70, 0.3, 0.90),
                new Evaluation(30, 3, 0.1, 0.9, 0.2, 0.95, 0.3, 0.80)));
        assertEquals(HeldOutSet.VALIDATION, history.selectedOn());
        assertEquals(20, history.bestIteration());
        assertEquals(0.70, history.bestAccuracy());
        assertFalse(history.bestIsLast());
    }

    @Test
    void historiesStoredBeforeValidationSetsSelectOnTheTestSet() {
        String stored = "{\"evaluations\": [{\"iteration\": 10, \"epoch\": 1, \"trainLoss\": 0.1, \"trainAccuracy\": 0.9,"
                + " \"testLoss\": 0.2, \"testAccuracy\": 0.5}, {\"iteration\": 20, \"epoch\": 2, \"trainLoss\": 0.1,"
                + " \"trainAccuracy\": 0.9, \"testLoss\": 0.2, \"testAccuracy\": 0.8}]}";
        TrainingHistory history = new Gson().fromJson(stored, TrainingHistory.class);
        assertEquals(HeldOutSet.TEST, history.selectedOn());
        assertEquals(20, history.bestIteration());
        assertTrue(history.bestIsLast());
        assertTrue(Double.isNaN(history.last().validationAccuracy()), "not the 0 Gson fills in");
        assertEquals(List.of("iteration", "epoch", "train_loss", "train_accuracy", "test_loss", "test_accuracy"),
                List.copyOf(history.last().toRow().keySet()));
    }
}
