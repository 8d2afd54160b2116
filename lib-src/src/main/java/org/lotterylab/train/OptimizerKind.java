package org.lotterylab.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.optimizer.Optimizer.OptimizerBuilder;
import ai.djl.training.tracker.Tracker;

/** The optimizers a {@link TrainingConfig} can name: DJL's own, or ours where DJL's is missing or slow. */
public enum OptimizerKind {
    /** Plain stochastic gradient descent; the configured momentum is ignored. */
    SGD {
        @Override
        Optimizer create(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
            return new HeavyBallSgd(learningRate, 0, weightDecay, beginIteration);
        }
    },
    /** SGD with heavy-ball momentum. */
    SGD_MOMENTUM {
        @Override
        Optimizer create(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
            return new HeavyBallSgd(learningRate, momentum, weightDecay, beginIteration);
        }
    },
    /** SGD with Nesterov momentum. */
    NESTEROV {
        @Override
        Optimizer create(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
            return new NesterovSgd(learningRate, momentum, weightDecay, beginIteration);
        }
    },
    /**
     * Adam, with weight decay added to the gradient (L2); the configured momentum is ignored. A run
     * resumed at iteration k starts with zero moments, so its bias correction counts its own steps
     * from 1 while the learning-rate schedule resumes at k ({@link #resumedAt}).
     */
    ADAM {
        @Override
        Optimizer create(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
            return common(Optimizer.adam().optLearningRateTracker(resumedAt(learningRate, beginIteration)), weightDecay, 0)
                    .build();
        }
    },
    /** AdamW: Adam with decoupled weight decay; the configured momentum is ignored; resumed as {@link #ADAM} is. */
    ADAMW {
        @Override
        Optimizer create(Tracker learningRate, float momentum, float weightDecay, int beginIteration) {
            return common(Optimizer.adamW().optLearningRateTracker(resumedAt(learningRate, beginIteration)), weightDecay, 0)
                    .build();
        }
    };

    /**
     * @param learningRate the learning-rate schedule
     * @param momentum the momentum, for the kinds that have one
     * @param weightDecay the decay applied to every parameter this optimizer updates
     * @param beginIteration the update count to start from, so a schedule resumes where a rewound run left it
     * @return a fresh DJL optimizer
     */
    abstract Optimizer create(Tracker learningRate, float momentum, float weightDecay, int beginIteration);

    /**
     * The schedule of a run resumed at {@code beginIteration}, for an optimizer that counts its own
     * updates from zero. DJL's Adam takes one count, its update count, for both the learning rate
     * and the bias correction (1 − β^t); begun at k, it would divide fresh, zero-started moments as
     * if they had averaged k steps, and mis-scale the first updates (about 0.5× the intended step at
     * k = 8, about 2× at k = 470). Counting from zero and shifting the schedule by k keeps both right.
     */
    static Tracker resumedAt(Tracker learningRate, int beginIteration) {
        return beginIteration == 0 ? learningRate : numUpdate -> learningRate.getNewValue(numUpdate + beginIteration);
    }

    private static <B extends OptimizerBuilder<B>> B common(B builder, float weightDecay, int beginIteration) {
        // Always explicit: DJL's AdamW would otherwise decay by 0.01.
        return builder.optWeightDecays(weightDecay).optBeginNumUpdate(beginIteration);
    }
}
