package org.lotterylab.report;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting shared by charts and tables: as many digits as a reader can take in. */
final class Numbers {

    private Numbers() {
    }

    /**
     * A measured number as a table shows it: four significant digits, and never fewer than the
     * digits before the point, so that 17.280187074829932 reads 17.28, 0.8209999799728394 reads
     * 0.821 and 123456.7 reads 123457. The reports' summaries round by the same rule
     * (environment/labreports/numbers.py).
     *
     * @param value the number; NaN and infinities are written as Java writes them
     * @return the text
     */
    static String forReading(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        int integerDigits = Long.toString(Math.abs((long) value)).length();
        return significant(value, Math.max(4, integerDigits));
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
