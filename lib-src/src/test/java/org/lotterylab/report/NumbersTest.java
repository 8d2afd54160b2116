package org.lotterylab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void forReadingKeepsFourSignificantDigitsAndEveryDigitBeforeThePoint() {
        assertEquals("17.28", Numbers.forReading(17.280187074829932));
        assertEquals("0.821", Numbers.forReading(0.8209999799728394));
        assertEquals("123457", Numbers.forReading(123456.7));
        assertEquals("1235", Numbers.forReading(1234.5));
        assertEquals("7", Numbers.forReading(7.0));
        assertEquals("0", Numbers.forReading(0.0));
        assertEquals("-0.00001234", Numbers.forReading(-0.000012345));
        assertEquals("NaN", Numbers.forReading(Double.NaN));
    }
}
