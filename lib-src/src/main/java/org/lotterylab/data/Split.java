package org.lotterylab.data;

/** Which part of a data set: the published training or test split. */
public enum Split {
    /** The training split. */
    TRAIN,
    /** The test split. */
    TEST
}
