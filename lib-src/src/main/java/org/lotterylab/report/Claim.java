package org.lotterylab.report;

import java.util.Objects;
import org.lotterylab.evidence.Evidence;
import org.lotterylab.evidence.Interval;
import org.lotterylab.evidence.Verdict;

/**
 * One line of a reproduction scorecard: what a paper claims, the paper's figure, ours, and the
 * verdict our runs' {@link Evidence} (per-seed numbers, an interval, a margin) reaches.
 *
 * @param id a short stable key, e.g. {@code ticket-at-7pct}
 * @param claim the claim in words
 * @param paper the paper's figure as the paper states it, e.g. {@code "≥ dense (98.2%)"}
 * @param ours our figure beside the paper's, in the paper's terms
 * @param evidence the per-seed comparison that decides it
 */
public record Claim(String id, String claim, String paper, String ours, Evidence evidence) {

    /** Checks that the claim has evidence. */
    public Claim {
        Objects.requireNonNull(evidence, () -> "claim " + id + " has no evidence");
    }

    /** @return what our runs say */
    public Verdict verdict() {
        return evidence.verdict();
    }

    /** @return the verdict as a reader sees it, e.g. {@code inconclusive} */
    public String verdictText() {
        return verdict().label();
    }

    /** @return whether the verdict is {@link Verdict#HOLDS} */
    public boolean holds() {
        return verdict() == Verdict.HOLDS;
    }

    /** @return the number of seeds behind the verdict */
    public int seeds() {
        return evidence.estimate().n();
    }

    /** @return the estimate ± the half-width of its 95% interval, e.g. {@code "+0.12 ± 0.31"} */
    public String estimateText() {
        double value = evidence.estimate().value();
        Interval interval = evidence.estimate().interval();
        String sign = value > 0 ? "+" : "";
        String halfWidth = Double.isInfinite(interval.halfWidth()) ? "∞" : Numbers.significant(interval.halfWidth(), 2);
        return sign + Numbers.significant(value, 3) + " ± " + halfWidth;
    }
}
