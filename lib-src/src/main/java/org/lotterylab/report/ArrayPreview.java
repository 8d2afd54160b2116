package org.lotterylab.report;

import ai.djl.ndarray.NDArray;

/**
 * A DJL array in a few lines: shape, data type, device and its first values. Printing a million
 * weights into a notebook would freeze the browser.
 */
final class ArrayPreview {

    private static final int MAX_VALUES = 100;
    private static final int MAX_DEPTH = 4;
    private static final int MAX_ROWS = 8;
    private static final int MAX_COLUMNS = 8;

    private ArrayPreview() {
    }

    /**
     * @param array the array
     * @return e.g. {@code ND: (2, 3) cpu() float32} and the first rows of values
     */
    static String of(NDArray array) {
        String name = array.getName() == null ? "" : array.getName() + " ";
        return name + array.toDebugString(MAX_VALUES, MAX_DEPTH, MAX_ROWS, MAX_COLUMNS, true);
    }
}
