package org.lotterylab.tickets;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * The results of all rounds of an IMP run, stored as the run's {@code results.json}.
 *
 * @param rounds one result per round, round 0 (dense) first
 */
public record ImpResult(List<RoundResult> rounds) {

    /** Copies the list. */
    public ImpResult {
        rounds = List.copyOf(rounds);
    }

    /** @param round a round's number @return its result */
    public RoundResult round(int round) {
        return rounds.get(round);
    }

    /** @return round | % remaining | final accuracy | best accuracy | early-stopping iteration */
    public Table table() {
        return Table.create("IMP",
                IntColumn.create("round", rounds.stream().mapToInt(RoundResult::round).toArray()),
                DoubleColumn.create("% remaining", rounds.stream().mapToDouble(r -> 100 * r.density())),
                DoubleColumn.create("final accuracy", rounds.stream().mapToDouble(RoundResult::finalAccuracy)),
                DoubleColumn.create("best accuracy", rounds.stream().mapToDouble(RoundResult::bestAccuracy)),
                IntColumn.create("early-stop iteration", rounds.stream().mapToInt(RoundResult::bestIteration).toArray()));
    }
}
