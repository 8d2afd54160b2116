package org.lotterylab.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting shared by charts and tables: as many digits as a reader can take in. */
final class Numbers {

    private Numbers() {
    }

    /**
     * Rounds to significant digits without an exponent or trailing zeros: 98.4312 → "98.43", 7.0 → "7".
     *
     * @param value the number; NaN and infinities are written as Java writes them
     * @param digits how many significant digits to keep
     * @return the text
     */
    static String significant(double value, int digits) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return new BigDecimal(value).round(new MathContext(digits)).stripTrailingZeros().toPlainString();
    }

    /**
     * A figure of a scorecard as a reader sees it.
     *
     * @param figure a {@link Number} (written to four significant digits) or anything else (written as text)
     * @return the text
     */
    static String figure(Object figure) {
        return figure instanceof Number n ? significant(n.doubleValue(), 4) : String.valueOf(figure);
    }
}
