package org.lotterylab.kernel;

/**
 * The value a cell ends with (its last expression), possibly {@code null}.
 *
 * @param object the real object the user's expression produced
 */
record CellValue(Object object) {}
