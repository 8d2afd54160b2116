package org.lotterylab.tickets;

import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

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

    /**
     * @return round | % remaining | final accuracy | best accuracy | early-stopping iteration; the
     *     accuracies are fractions, printed as percentages
     */
    public Table table() {
        return Table.create("IMP",
                IntColumn.create("round", rounds.stream().mapToInt(RoundResult::round).toArray()),
                printed(DoubleColumn.create("% remaining", rounds.stream().mapToDouble(r -> 100 * r.density())),
                        NumberColumnFormatter.fixedWithGrouping(2)),
                printed(DoubleColumn.create("final accuracy", rounds.stream().mapToDouble(RoundResult::finalAccuracy)),
                        NumberColumnFormatter.percent(2)),
                printed(DoubleColumn.create("best accuracy", rounds.stream().mapToDouble(RoundResult::bestAccuracy)),
                        NumberColumnFormatter.percent(2)),
                IntColumn.create("early-stop iteration", rounds.stream().mapToInt(RoundResult::bestIteration).toArray()));
    }

    private static DoubleColumn printed(DoubleColumn column, NumberColumnFormatter format) {
        column.setPrintFormatter(format);
        return column;
    }
}
