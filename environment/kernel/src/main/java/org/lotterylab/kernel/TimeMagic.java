package org.lotterylab.kernel;

import java.util.Locale;
import java.util.Optional;

/** {@code %%time}: runs the cell, then prints how long it took on the wall clock. */
final class TimeMagic implements CellMagic {

    @Override
    public Optional<CellValue> run(String arguments, CellSource body, CellRunner cells) throws Exception {
        long start = System.nanoTime();
        try {
            return cells.run(body);
        } finally {
            System.out.println("Wall time: " + format(System.nanoTime() - start));
        }
    }

    /**
     * @param nanos a duration
     * @return it in milliseconds below ten seconds, else in seconds
     */
    static String format(long nanos) {
        double millis = nanos / 1e6;
        return millis < 10_000 ? String.format(Locale.ROOT, "%.1f ms", millis)
                : String.format(Locale.ROOT, "%.2f s", millis / 1000);
    }
}
