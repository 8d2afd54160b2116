package org.lotterylab.report;

/**
 * A figure a scorecard reports beside the claims but does not score, because it follows from the
 * configuration rather than from what the runs learned: a cost counted from the schedule, the
 * number of layers of a construction, a density set by the pruning rate.
 *
 * @param id a short stable key
 * @param figure what the figure is, in words
 * @param paper the paper's figure
 * @param ours ours: a {@link Number} or a {@link String}
 */
public record Figure(String id, String figure, String paper, Object ours) {

    /** @return our figure as a reader sees it: numbers to four significant digits */
    public String oursText() {
        return Numbers.figure(ours);
    }
}
