package org.lotterylab.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StudentTTest {

    /**
     * The solver stops within {@link StudentT#ACCURACY} of the quantile; the closed forms below are
     * exact to a few ulps (≈ 1e-15 here), so ten times the solver's accuracy bounds the difference.
     */
    private static final double TOLERANCE = 10 * StudentT.ACCURACY;

    @Test
    void oneDegreeOfFreedomIsTheCauchyQuantile() {
        // t₁ is Cauchy: F(t) = 1/2 + atan(t)/π, so t(0.975) = tan(0.475π).
        assertEquals(Math.tan(0.475 * Math.PI), StudentT.criticalValue95(1), TOLERANCE);
    }

    @Test
    void twoDegreesOfFreedomHaveAClosedForm() {
        // t₂: F(t) = 1/2 + t / (2√(t² + 2)), so with q = 2·0.975 − 1 = 0.95, t = q·√(2 / (1 − q²)).
        assertEquals(0.95 * Math.sqrt(2 / (1 - 0.95 * 0.95)), StudentT.criticalValue95(2), TOLERANCE);
    }

    @Test
    void tableValuesIncludingWelchsFractionalDegrees() {
        // Reference values: scipy.stats.t.ppf(0.975, df), printed to 17 digits.
        assertEquals(3.1824463052837078, StudentT.criticalValue95(3), TOLERANCE);
        assertEquals(2.2281388519862740, StudentT.criticalValue95(10), TOLERANCE);
        assertEquals(2.5769584490090550, StudentT.criticalValue95(3888.0 / 784), TOLERANCE);
    }

    @Test
    void noDegreeOfFreedomGivesAnInfiniteValue() {
        assertEquals(Double.POSITIVE_INFINITY, StudentT.criticalValue95(0));
        assertEquals(Double.POSITIVE_INFINITY, StudentT.criticalValue95(Double.NaN));
    }
}
