package org.lotterylab.evidence;

import java.math.BigDecimal;

/**
 * The side of a margin a claim puts a quantity on, e.g. "ticket − dense ≥ −0.5", and how a 95%
 * interval decides it: {@link Verdict#HOLDS} when the whole interval lies on the claim's side,
 * {@link Verdict#FAILS} when it lies wholly on the other side, {@link Verdict#INCONCLUSIVE} otherwise.
 *
 * @param relation how the quantity compares with the margin
 * @param margin m (for {@link Relation#WITHIN}, the half-width δ ≥ 0 of the band)
 */
public record Rule(Relation relation, double margin) {

    /** How a quantity compares with the margin. */
    public enum Relation {
        /** quantity ≥ m. */
        AT_LEAST,
        /** quantity &gt; m. */
        ABOVE,
        /** quantity ≤ m. */
        AT_MOST,
        /** quantity &lt; m. */
        BELOW,
        /** −δ ≤ quantity ≤ δ. */
        WITHIN
    }

    /** Checks the margin. */
    public Rule {
        if (!Double.isFinite(margin) || relation == Relation.WITHIN && margin < 0) {
            throw new IllegalArgumentException("a rule needs a finite margin (≥ 0 for 'within'), got " + margin);
        }
    }

    /** @param m the margin @return quantity ≥ m */
    public static Rule atLeast(double m) {
        return new Rule(Relation.AT_LEAST, m);
    }

    /** @param m the margin @return quantity &gt; m */
    public static Rule above(double m) {
        return new Rule(Relation.ABOVE, m);
    }

    /** @param m the margin @return quantity ≤ m */
    public static Rule atMost(double m) {
        return new Rule(Relation.AT_MOST, m);
    }

    /** @param m the margin @return quantity &lt; m */
    public static Rule below(double m) {
        return new Rule(Relation.BELOW, m);
    }

    /** @param delta the band's half-width, ≥ 0 @return |quantity| ≤ δ */
    public static Rule within(double delta) {
        return new Rule(Relation.WITHIN, delta);
    }

    /**
     * @param interval the 95% interval of the quantity
     * @return whether it lies on the claim's side of the margin, on the other side, or across it
     */
    public Verdict decide(Interval interval) {
        double low = interval.low();
        double high = interval.high();
        return switch (relation) {
            case AT_LEAST -> verdict(low >= margin, high < margin);
            case ABOVE -> verdict(low > margin, high <= margin);
            case AT_MOST -> verdict(high <= margin, low > margin);
            case BELOW -> verdict(high < margin, low >= margin);
            case WITHIN -> verdict(low >= -margin && high <= margin, high < -margin || low > margin);
        };
    }

    /**
     * @param quantity what the rule is about, e.g. {@code "ticket − dense"}
     * @return the rule in words, e.g. {@code "ticket − dense ≥ -0.5"}
     */
    public String words(String quantity) {
        String m = plain(margin);
        return switch (relation) {
            case AT_LEAST -> quantity + " ≥ " + m;
            case ABOVE -> quantity + " > " + m;
            case AT_MOST -> quantity + " ≤ " + m;
            case BELOW -> quantity + " < " + m;
            case WITHIN -> "|" + quantity + "| ≤ " + m;
        };
    }

    /**
     * @param quantity what the rule is about
     * @return the outcome of the runs that makes the claim fail, in words
     */
    public String failsIf(String quantity) {
        String interval = "the 95% interval of " + quantity + " lies entirely ";
        String m = plain(margin);
        return switch (relation) {
            case AT_LEAST -> interval + "below " + m;
            case ABOVE -> interval + "at or below " + m;
            case AT_MOST -> interval + "above " + m;
            case BELOW -> interval + "at or above " + m;
            case WITHIN -> interval + "outside [" + plain(-margin) + ", " + m + "]";
        };
    }

    /** The margin as typed in the notebook: 0.5 rather than 0.50000 or 5.0E-1. */
    private static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static Verdict verdict(boolean holds, boolean fails) {
        return holds ? Verdict.HOLDS : fails ? Verdict.FAILS : Verdict.INCONCLUSIVE;
    }
}
