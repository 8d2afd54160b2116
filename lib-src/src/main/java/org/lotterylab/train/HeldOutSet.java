package org.lotterylab.train;

/** Which held-out set a training run picks its best evaluation (its early-stopping iteration) on. */
public enum HeldOutSet {
    /** A validation set carved from the training data: the test set stays unused by any choice. */
    VALIDATION,
    /** The test set itself: what runs without a validation set do, and older stored runs did. */
    TEST
}
