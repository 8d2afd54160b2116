package org.lotterylab.data;

/**
 * A training set and the validation set carved from it ({@link ImageData#validationSplit}):
 * train on the first, select (early stopping, hyper-parameters) on the second, and keep the test
 * set for the numbers reported.
 *
 * @param train the images trained on
 * @param validation the held-out images selections are made on
 */
public record TrainValidation(ImageData train, ImageData validation) {}
