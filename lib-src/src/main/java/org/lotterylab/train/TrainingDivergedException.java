package org.lotterylab.train;

import java.util.Optional;

/**
 * Training stopped at the first step whose loss was not finite, or had exploded, or (in strict
 * mode) whose update left a parameter that is not finite. The weights are those before that step's
 * update; nothing of the run was stored for the round it stopped in.
 */
public final class TrainingDivergedException extends ArithmeticException {

    private static final long serialVersionUID = 1L;

    private final String run;
    private final int iteration;
    private final Optional<String> firstNonFinite;

    TrainingDivergedException(String run, int iteration, String what, Optional<String> firstNonFinite,
            String lastFinite, double learningRate) {
        super(String.format("Training of %s diverged at iteration %d: %s%s; %s. Nothing of this run's "
                + "current round was stored. Fixes that usually help: a smaller learning rate (now %s), "
                + "a warm-up (Schedule...withWarmup(epochs)), or standardised inputs (mean 0, variance 1).",
                run, iteration, what, firstNonFinite.map(where -> "; first non-finite: " + where).orElse(""),
                lastFinite, learningRate));
        this.run = run;
        this.iteration = iteration;
        this.firstNonFinite = firstNonFinite;
    }

    private TrainingDivergedException(String message, TrainingDivergedException cause) {
        super(message);
        initCause(cause);
        this.run = cause.run;
        this.iteration = cause.iteration;
        this.firstNonFinite = cause.firstNonFinite;
    }

    /**
     * @param where the stored run the training belongs to, e.g. its folder
     * @return the same error, its message saying where
     */
    public TrainingDivergedException in(String where) {
        return new TrainingDivergedException(where + ": " + getMessage(), this);
    }

    /** @return the run's label, e.g. {@code lenet5 round 3} */
    public String run() {
        return run;
    }

    /** @return the iteration (optimizer step, from 0) whose loss or update was bad */
    public int iteration() {
        return iteration;
    }

    /** @return where a non-finite value first appeared, e.g. {@code gradient of conv2.weight} */
    public Optional<String> firstNonFinite() {
        return firstNonFinite;
    }
}
