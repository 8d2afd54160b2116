package org.lotterylab.report;

import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.NumberColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

/**
 * A table as a notebook shows it: a copy whose floating-point columns print their numbers rounded
 * for reading ({@link Numbers#forReading}), e.g. 17.28 for 17.280187074829932. The table itself,
 * and what {@link Scorecard#data} writes to {@code results.json}, keep every digit.
 */
final class ReadableTable {

    private ReadableTable() {
    }

    /**
     * @param table a table; it is not changed
     * @return a copy with rounding print formatters on its double and float columns
     */
    static Table of(Table table) {
        Table copy = table.copy();
        for (Column<?> column : copy.columns()) {
            if (column.type() == ColumnType.DOUBLE || column.type() == ColumnType.FLOAT) {
                ((NumberColumn<?, ?>) column).setPrintFormatter(new Rounded());
            }
        }
        return copy;
    }

    /** Tablesaw's formatter for missing values and the like, the rounding rule for the rest. */
    private static final class Rounded extends NumberColumnFormatter {

        @Override
        public String format(double value) {
            return Double.isFinite(value) ? Numbers.forReading(value) : super.format(value);
        }

        @Override
        public String format(float value) {
            return format((double) value);
        }
    }
}
