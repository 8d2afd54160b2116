package org.lotterylab.prune;

import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The per-layer sparsity table of a {@link Mask}: layer, shape, total, remaining, density %. */
final class MaskReport {

    private MaskReport() {}

    static Table of(Mask mask) {
        StringColumn layer = StringColumn.create("layer");
        StringColumn shape = StringColumn.create("shape");
        LongColumn total = LongColumn.create("total");
        LongColumn remaining = LongColumn.create("remaining");
        DoubleColumn density = DoubleColumn.create("density %");
        for (String name : mask.names()) {
            layer.append(name);
            shape.append(mask.get(name).getShape().toString());
            total.append(mask.total(name));
            remaining.append(mask.remaining(name));
            density.append(100.0 * mask.remaining(name) / mask.total(name));
        }
        layer.append("total");
        shape.append("");
        total.append(mask.total());
        remaining.append(mask.remaining());
        density.append(100 * mask.density());
        return Table.create("mask", layer, shape, total, remaining, density);
    }
}
