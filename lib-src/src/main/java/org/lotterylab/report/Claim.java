package org.lotterylab.report;

/**
 * One line of a reproduction scorecard: what a paper claims, the paper's figure, ours, and whether
 * the claim holds in this run.
 *
 * @param id a short stable key, e.g. {@code ticket-at-7pct}
 * @param claim the claim in words
 * @param paper the paper's figure as the paper states it, e.g. {@code "≥ dense (98.2%)"}
 * @param ours our figure: a {@link Number} or a {@link String}
 * @param holds whether the claim holds, computed by the notebook from its numbers
 */
public record Claim(String id, String claim, String paper, Object ours, boolean holds) {

    /**
     * Our figure as a reader sees it in a table: numbers to four significant digits.
     *
     * @return the text
     */
    public String oursText() {
        return ours instanceof Number n ? Numbers.significant(n.doubleValue(), 4) : String.valueOf(ours);
    }
}
