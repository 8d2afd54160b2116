package org.lotterylab.report;

import org.lotterylab.evidence.Sample;

import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tablesaw tables from what notebooks hold, without building columns by hand.
 *
 * <pre>{@code
 * record Result(String method, int seed, double remaining, double accuracy) {}
 * Table results = Tables.of("results", List.of(new Result("IMP", 0, 51.2, 98.1), ...));
 * Table densities = Tables.of("density", mask.densities(), "layer", "density");
 * Table accuracies = Tables.summary("accuracy over seeds (%)", List.of(dense, ticket));
 * }</pre>
 */
public final class Tables {

    private Tables() {
    }

    /**
     * One row per record, one column per record component, typed: int, long, double (and float),
     * boolean; anything else becomes text.
     *
     * @param name the table's name
     * @param rows the records, at least one, all of one type
     * @return the table
     */
    public static Table of(String name, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("Tables.of(\"" + name + "\"): no rows to take the columns from");
        }
        Table table = Table.create(name);
        for (RecordComponent component : rows.get(0).getClass().getRecordComponents()) {
            List<Object> values = new ArrayList<>(rows.size());
            for (Record row : rows) {
                values.add(read(component, row));
            }
            table.addColumns(column(component.getName(), component.getType(), values));
        }
        return table;
    }

    /**
     * A two-column table from a map, in the map's order.
     *
     * @param name the table's name
     * @param values the rows
     * @param keyColumn the first column's name
     * @param valueColumn the second column's name
     * @return the table
     */
    public static Table of(String name, Map<String, ? extends Number> values, String keyColumn, String valueColumn) {
        return Table.create(name,
                StringColumn.create(keyColumn, values.keySet()),
                DoubleColumn.create(valueColumn, values.values().stream().mapToDouble(Number::doubleValue)));
    }

    /**
     * One row per sample: the number of seeds, the mean, the standard deviation and the mean's 95% interval.
     *
     * @param name the table's name
     * @param samples the samples, at least one
     * @return the table
     */
    public static Table summary(String name, List<Sample> samples) {
        return of(name, samples.stream().map(SampleSummary::of).toList());
    }

    private static Object read(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException("Tables.of: cannot read " + component + "; make the record public", e);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Tables.of: " + component + " threw", e.getCause());
        }
    }

    private static Column<?> column(String name, Class<?> type, List<Object> values) {
        if (type == int.class || type == Integer.class) {
            return IntColumn.create(name, values.stream().mapToInt(v -> (Integer) v).toArray());
        }
        if (type == long.class || type == Long.class) {
            return LongColumn.create(name, values.stream().mapToLong(v -> (Long) v).toArray());
        }
        if (type == double.class || type == Double.class || type == float.class || type == Float.class) {
            return DoubleColumn.create(name, values.stream().mapToDouble(v -> ((Number) v).doubleValue()));
        }
        if (type == boolean.class || type == Boolean.class) {
            return BooleanColumn.create(name, values.stream().map(v -> (Boolean) v).toList());
        }
        return StringColumn.create(name, values.stream().map(String::valueOf).toList());
    }
}
