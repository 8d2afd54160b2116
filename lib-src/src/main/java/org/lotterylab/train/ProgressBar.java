package org.lotterylab.train;

import ai.djl.training.Trainer;
import ai.djl.training.TrainingResult;
import ai.djl.training.listener.TrainingListener;
import ai.djl.training.listener.TrainingListenerAdapter;
import java.time.Duration;
import org.lotterylab.display.Display;

/**
 * One progress bar per training run, as a DJL {@link TrainingListener}: iteration progress,
 * epoch, loss, accuracies and the time left.
 *
 * <p>In a notebook the bar is one output that is updated in place (at most twice a second, so
 * the kernel is not flooded); on a console it prints one line per evaluation, never a stream of
 * carriage returns that a log file would keep.
 */
public final class ProgressBar extends TrainingListenerAdapter {

    private static final int WIDTH = 24;
    private static final long REFRESH_NANOS = 500_000_000L;

    private final String label;
    private final int start;
    private final int total;
    private final int perEpoch;
    private final String heldOut;
    private int iteration;
    private long startNanos;
    private long shownNanos;
    private String displayId;
    private TrainingResult latest;

    /**
     * @param label what the run is called, e.g. {@code "round 3"}
     * @param start the iteration training starts at (after a rewind, not 0)
     * @param total the iteration training ends at
     * @param perEpoch iterations per epoch
     * @param heldOut what the held-out accuracy is called: {@code "validation"} when the run selects
     *     on a validation set, else {@code "test"}
     */
    public ProgressBar(String label, int start, int total, int perEpoch, String heldOut) {
        this.label = label;
        this.start = start;
        this.total = total;
        this.perEpoch = perEpoch;
        this.heldOut = heldOut;
        this.iteration = start;
    }

    @Override
    public void onTrainingBegin(Trainer trainer) {
        startNanos = System.nanoTime();
        if (Display.isActive()) {
            displayId = Display.display(line());
        }
    }

    @Override
    public void onTrainingBatch(Trainer trainer, BatchData batchData) {
        iteration++;
        long now = System.nanoTime();
        if (displayId != null && now - shownNanos > REFRESH_NANOS) {
            shownNanos = now;
            Display.updateDisplay(displayId, line());
        }
    }

    @Override
    public void onEpoch(Trainer trainer) {
        latest = trainer.getTrainingResult();
        if (displayId != null) {
            Display.updateDisplay(displayId, line());
        } else {
            System.out.println(line());
        }
    }

    /** @return the bar as text, e.g. {@code lenet [██████░░░░] 60% epoch 6/10 loss 0.21 test 97.1% ETA 0:42} */
    String line() {
        double done = (double) (iteration - start) / (total - start);
        int filled = (int) Math.round(done * WIDTH);
        StringBuilder text = new StringBuilder(label).append(" [")
                .append("█".repeat(filled)).append("░".repeat(WIDTH - filled)).append("] ")
                .append(String.format("%3.0f%% epoch %d/%d", 100 * done, iteration / perEpoch, total / perEpoch));
        if (latest != null && latest.getTrainLoss() != null) {
            text.append(String.format(" loss %.4f", latest.getTrainLoss()));
        }
        // A run without an accuracy evaluator (masked-LM pre-training) or a test set (a mask search) shows what it has.
        if (latest != null && isNumber(latest.getTrainEvaluation("Accuracy"))) {
            text.append(String.format(" train %.1f%%", 100 * latest.getTrainEvaluation("Accuracy")));
        }
        if (latest != null && isNumber(latest.getValidateEvaluation("Accuracy"))) {
            text.append(String.format(" %s %.1f%%", heldOut, 100 * latest.getValidateEvaluation("Accuracy")));
        }
        if (done > 0) {
            long elapsed = System.nanoTime() - startNanos;
            text.append(" ETA ").append(clock(Duration.ofNanos((long) (elapsed * (1 - done) / done))));
        }
        return text.toString();
    }

    private static boolean isNumber(Float value) {
        return value != null && !value.isNaN();
    }

    private static String clock(Duration left) {
        return String.format("%d:%02d", left.toMinutes(), left.toSecondsPart());
    }
}
