package org.lotterylab.tickets;

import ai.djl.ndarray.NDArray;
import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.Map;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.train.Training;
import org.lotterylab.train.TrainingConfig;
import org.lotterylab.train.TrainingHistory;

/**
 * A lottery ticket: a mask and the weights its survivors start from (the initialisation, or the
 * weights at the rewind iteration).
 *
 * <pre>{@code
 * TrainingHistory ticket = imp.ticket(7, manager).train(net, training, trainSet, testSet);
 * TrainingHistory control = imp.ticket(7, manager).reinitialized(net, 99).train(net, training, trainSet, testSet);
 * }</pre>
 *
 * @param mask which weights survive
 * @param weights every parameter's starting value, by name
 * @param startIteration the iteration the weights come from; training resumes there
 */
public record Ticket(Mask mask, Map<String, NDArray> weights, int startIteration) {

    /** @return the fraction of prunable weights the ticket keeps */
    public double density() {
        return mask.density();
    }

    /**
     * Sets the net to the ticket: loads its weights and zeroes the pruned ones.
     *
     * @param net a net of the architecture the ticket was found in
     */
    public void applyTo(Net net) {
        net.load(weights);
        mask.applyTo(net);
    }

    /**
     * Trains the ticket: applies it to the net, then trains with the mask held.
     *
     * @param net a net of the ticket's architecture; it ends up trained
     * @param config how to train
     * @param train the training set
     * @param test the test set
     * @return what training measured
     */
    public TrainingHistory train(Net net, TrainingConfig config, RandomAccessDataset train, Dataset test) {
        applyTo(net);
        return training(net, config).fit(net, train, test);
    }

    /**
     * Trains the ticket, picking its early-stopping iteration on a validation set
     * ({@link Training#selectingOn}); the test set is measured for the numbers reported.
     *
     * @param net a net of the ticket's architecture; it ends up trained
     * @param config how to train
     * @param train the training set
     * @param validation the validation set, carved from the training data
     * @param test the test set
     * @return what training measured
     */
    public TrainingHistory train(Net net, TrainingConfig config, RandomAccessDataset train, Dataset validation,
            Dataset test) {
        applyTo(net);
        return training(net, config).selectingOn(validation).fit(net, train, test);
    }

    private Training training(Net net, TrainingConfig config) {
        return Training.with(config).masked(mask).startingAt(startIteration)
                .labelled(net.name() + String.format(" %.1f%%", 100 * density()));
    }

    /**
     * The random re-initialisation control: the same mask on fresh weights drawn from another seed.
     *
     * @param net a net of the ticket's architecture; it is re-initialised on its manager
     * @param seed the new weights' seed (not the original one)
     * @return the control ticket, training from iteration 0
     */
    public Ticket reinitialized(Net net, long seed) {
        net.initialize(net.manager(), seed);
        return new Ticket(mask, net.weights(), 0);
    }

    /**
     * @param other another mask for the same net, e.g. {@link Controls#shuffledLayerwise}
     * @return a ticket with the same weights and that mask
     */
    public Ticket withMask(Mask other) {
        return new Ticket(other, weights, startIteration);
    }
}
