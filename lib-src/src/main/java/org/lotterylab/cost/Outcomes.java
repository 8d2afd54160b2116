package org.lotterylab.cost;

import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/** Tables and look-ups over {@link Outcome}s, the rows every method comparison produces. */
public final class Outcomes {

    private Outcomes() {}

    /**
     * @param title the table's title
     * @param rows the outcomes
     * @return method | variant | density % | at init % | accuracy % | passes | seconds
     */
    public static Table table(String title, List<Outcome> rows) {
        return formatted(Table.create(title,
                StringColumn.create("method", rows.stream().map(Outcome::method).toList()),
                StringColumn.create("variant", rows.stream().map(Outcome::variant).toList()),
                DoubleColumn.create("density (%)", rows.stream().mapToDouble(r -> 100 * r.density())),
                DoubleColumn.create("at init (%)", rows.stream().mapToDouble(r -> 100 * r.accuracyAtInit())),
                DoubleColumn.create("accuracy (%)", rows.stream().mapToDouble(r -> 100 * r.accuracy())),
                LongColumn.create("passes", rows.stream().mapToLong(r -> r.cost().passes()).toArray()),
                DoubleColumn.create("seconds", rows.stream().mapToDouble(r -> r.cost().seconds()))));
    }

    /**
     * Shows every floating-point column of a table with two decimals; the values themselves keep
     * their precision (for {@code results.json}).
     *
     * @param table a table
     * @return the same table
     */
    public static Table formatted(Table table) {
        table.columns().forEach(column -> {
            if (column instanceof DoubleColumn numbers) {
                numbers.setPrintFormatter(NumberColumnFormatter.fixedWithGrouping(2));
            }
        });
        return table;
    }

    /**
     * The outcome of a method and variant nearest to a density (on a log scale): densities that
     * differ by a rounded weight or two still match.
     *
     * @param rows the outcomes
     * @param method the method
     * @param variant the variant, e.g. {@code "original"}
     * @param density the density looked for
     * @return the matching outcome
     * @throws IllegalArgumentException when none is within 1% of the density
     */
    public static Outcome find(List<Outcome> rows, String method, String variant, double density) {
        return rows.stream()
                .filter(r -> r.method().equals(method) && r.variant().equals(variant))
                .min(Comparator.comparingDouble(r -> Math.abs(Math.log(r.density() / density))))
                .filter(r -> Math.abs(Math.log(r.density() / density)) < 0.01)
                .orElseThrow(() -> new IllegalArgumentException("no outcome of " + method + " (" + variant + ") at density "
                        + density + " among " + rows.size() + " rows"));
    }
}
