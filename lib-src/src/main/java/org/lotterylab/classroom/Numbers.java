package org.lotterylab.classroom;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers in hints: enough digits to see a difference, none of float's noise. */
final class Numbers {

    private Numbers() {}

    /** @return {@code value} to six significant digits, without trailing zeros: 0.2, 266200, 1.5e-7 */
    static String readable(double value) {
        if (!Double.isFinite(value)) {
            return String.valueOf(value);
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return String.valueOf((long) value);
        }
        return new BigDecimal(value).round(new MathContext(6)).stripTrailingZeros().toString();
    }
}
