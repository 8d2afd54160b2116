package org.lotterylab.cost;

import ai.djl.training.dataset.Dataset;
import ai.djl.training.dataset.RandomAccessDataset;
import java.util.ArrayList;
import java.util.List;
import org.lotterylab.nn.Net;
import org.lotterylab.tickets.Imp;
import org.lotterylab.tickets.ImpResult;
import org.lotterylab.tickets.RoundResult;

/**
 * IMP's rounds with what reaching each cost: the ticket at round k costs every round up to and
 * including k (each round trains from the rewind point, and the next round needs its mask).
 *
 * <pre>{@code
 * ImpCosts imp = ImpCosts.run(Imp.with(config).selectingOn(validation), net, train, test);
 * imp.costUpTo().get(8).passes();   // IMP's passes to its round-8 ticket
 * }</pre>
 *
 * @param rounds one result per round, round 0 (dense) first
 * @param costUpTo the passes and seconds of every round up to and including each, in the same order
 */
public record ImpCosts(List<RoundResult> rounds, List<Cost> costUpTo) {

    /** Copies the lists and checks that they match. */
    public ImpCosts {
        rounds = List.copyOf(rounds);
        costUpTo = List.copyOf(costUpTo);
        if (rounds.size() != costUpTo.size()) {
            throw new IllegalArgumentException(rounds.size() + " rounds but " + costUpTo.size() + " costs");
        }
    }

    /**
     * Runs IMP with a {@link CostMeter} listening to every round's training.
     *
     * @param imp IMP, configured; it must train every round here (not resume stored rounds, whose cost
     *     this run would not see), e.g. without a stored run of its own
     * @param net the initialised dense net
     * @param train the training set
     * @param test the test set
     * @return the rounds and their cumulative costs
     */
    public static ImpCosts run(Imp imp, Net net, RandomAccessDataset train, Dataset test) {
        CostMeter meter = new CostMeter();
        ImpResult result = imp.listeners(meter).run(net, train, test);
        if (meter.segments().size() != result.rounds().size()) {
            throw new IllegalStateException("IMP trained " + meter.segments().size() + " of its " + result.rounds().size()
                    + " rounds here (the others were loaded from its store), so their cost is unknown");
        }
        List<Cost> costs = new ArrayList<>();
        Cost upToHere = Cost.ZERO;
        for (Cost round : meter.segments()) {
            upToHere = upToHere.plus(round);
            costs.add(upToHere);
        }
        return new ImpCosts(result.rounds(), costs);
    }
}
