package org.lotterylab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lotterylab.evidence.Sample;
import tech.tablesaw.api.Table;

class TablesSummaryTest {

    @Test
    void oneRowPerSampleWithItsInterval() {
        Sample dense = Sample.of("dense", Map.of(0L, 1.0, 1L, 2.0, 2L, 3.0, 3L, 4.0));
        Table table = Tables.summary("accuracy", List.of(dense, Sample.of("one seed", Map.of(0L, 5.0))));
        assertEquals(List.of("quantity", "n", "mean", "sd", "low95", "high95"), table.columnNames());
        assertEquals(2.5, table.doubleColumn("mean").get(0));
        // 2.5 ± t(0.975, 3) · √(5/3) / 2 = 2.5 ± 2.054..., to four significant digits.
        assertEquals(0.4457, table.doubleColumn("low95").get(0));
        assertEquals(4.554, table.doubleColumn("high95").get(0));
        assertEquals(Double.POSITIVE_INFINITY, table.doubleColumn("high95").get(1));
    }
}
