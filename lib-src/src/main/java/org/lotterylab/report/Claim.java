package org.lotterylab.report;

import java.util.Objects;
import org.lotterylab.evidence.Evidence;
import org.lotterylab.evidence.Interval;
import org.lotterylab.evidence.Verdict;

/**
 * One line of a reproduction scorecard: what a paper claims, the paper's figure, ours, and the
 * verdict of our runs.
 *
 * <p>A claim is decided either by {@link Evidence} (per-seed numbers, an interval, a margin) or,
 * for notebooks not yet run over seeds, by a boolean the notebook computed from one run: such a
 * claim has no evidence, counts as one seed, and says so wherever it is shown.
 *
 * @param id a short stable key, e.g. {@code ticket-at-7pct}
 * @param claim the claim in words
 * @param paper the paper's figure as the paper states it, e.g. {@code "≥ dense (98.2%)"}
 * @param ours our figure beside the paper's: a {@link Number} or a {@link String}
 * @param verdict what our runs say
 * @param evidence how the verdict was reached; null for a claim decided by one run's boolean
 */
public record Claim(String id, String claim, String paper, Object ours, Verdict verdict, Evidence evidence) {

    /** Checks that a claim with evidence carries the evidence's verdict. */
    public Claim {
        Objects.requireNonNull(verdict, "verdict");
        if (evidence != null && evidence.verdict() != verdict) {
            throw new IllegalArgumentException("claim " + id + ": verdict " + verdict + " but its evidence says "
                    + evidence.verdict());
        }
    }

    /**
     * A claim decided by its evidence.
     *
     * @param id a short stable key
     * @param claim the claim in words
     * @param paper the paper's figure
     * @param ours our figure beside it
     * @param evidence the per-seed comparison that decides it
     */
    public Claim(String id, String claim, String paper, Object ours, Evidence evidence) {
        this(id, claim, paper, ours, evidence.verdict(), evidence);
    }

    /**
     * A claim decided by a boolean computed from one run (the form notebooks used before seeds).
     *
     * @param id a short stable key
     * @param claim the claim in words
     * @param paper the paper's figure
     * @param ours our figure
     * @param holds whether the claim holds in that run
     */
    public Claim(String id, String claim, String paper, Object ours, boolean holds) {
        this(id, claim, paper, ours, holds ? Verdict.HOLDS : Verdict.FAILS, null);
    }

    /** @return whether the verdict is {@link Verdict#HOLDS} */
    public boolean holds() {
        return verdict == Verdict.HOLDS;
    }

    /** @return whether one run's boolean decided the claim, without an interval */
    public boolean fromOneRun() {
        return evidence == null;
    }

    /** @return the number of seeds behind the verdict (1 for a claim decided by one run) */
    public int seeds() {
        return fromOneRun() ? 1 : evidence.estimate().n();
    }

    /** @return the verdict as a reader sees it; a one-run verdict says so */
    public String verdictText() {
        return fromOneRun() ? verdict.label() + " (one run, no interval)" : verdict.label();
    }

    /**
     * Our figure as a reader sees it in a table: numbers to four significant digits.
     *
     * @return the text
     */
    public String oursText() {
        return Numbers.figure(ours);
    }

    /** @return the estimate ± the half-width of its 95% interval, e.g. {@code "+0.12 ± 0.31"}; "—" without evidence */
    public String estimateText() {
        if (fromOneRun()) {
            return "—";
        }
        double value = evidence.estimate().value();
        Interval interval = evidence.estimate().interval();
        String sign = value > 0 ? "+" : "";
        String halfWidth = Double.isInfinite(interval.halfWidth()) ? "∞" : Numbers.significant(interval.halfWidth(), 2);
        return sign + Numbers.significant(value, 3) + " ± " + halfWidth;
    }
}
