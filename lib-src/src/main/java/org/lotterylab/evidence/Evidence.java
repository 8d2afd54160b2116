package org.lotterylab.evidence;

import java.util.Comparator;
import java.util.List;

/**
 * A claim decided: the estimate, the rule it was checked against and the verdict, with a note
 * when something other than the interval decided it.
 *
 * <pre>{@code
 * Evidence gap = ticket.minus(dense).atLeast(-0.5);
 * gap.verdict();   // HOLDS, FAILS or INCONCLUSIVE
 * gap.failsIf();   // "the 95% interval of ticket − dense lies entirely below -0.5"
 * }</pre>
 *
 * @param quantity what the claim compares with the margin, in words, e.g. {@code "ticket − dense"}
 * @param estimate the quantity with its interval (for {@link #allOf}, the part that decided the verdict)
 * @param rule the side of the margin the claim puts the quantity on
 * @param verdict what the runs say
 * @param note why the verdict is not the interval's alone, or empty
 * @param parts the comparisons an {@link #allOf} claim is made of; empty for a single comparison
 */
public record Evidence(String quantity, Estimate estimate, Rule rule, Verdict verdict, String note, List<Evidence> parts) {

    /** Copies the parts. */
    public Evidence {
        parts = List.copyOf(parts);
    }

    /**
     * @param estimate the quantity with its interval
     * @param rule the claim's side of the margin
     * @return the claim decided by the interval
     */
    public static Evidence of(Estimate estimate, Rule rule) {
        Evidence decided = new Evidence(estimate.quantity(), estimate, rule, rule.decide(estimate.interval()), "", List.of());
        // Seeds that all gave the same number (accuracies on a small test set come in steps of one
        // image, early-stopping iterations in steps of one evaluation) estimate no spread at all: a
        // zero-width interval would decide the claim on no evidence of how much the seeds vary.
        return decided.inconclusiveIf(estimate.interval().halfWidth() == 0,
                "the " + estimate.n() + " seeds gave the same value, so their spread, and the interval, cannot be estimated; "
                        + "use more seeds or a finer measure (a larger test set)");
    }

    /**
     * A claim that must hold in every one of several comparisons, e.g. at every sparsity down to 7%:
     * it fails when any part fails, holds when every part holds, and is inconclusive otherwise. Its
     * estimate is the part that decides: the first that fails, else the first inconclusive one, else
     * the one whose interval comes nearest the margin.
     *
     * @param quantity what every part compares, in words, e.g. {@code "ticket − dense (each round to 7%)"}
     * @param parts comparisons with the same rule, at least one
     * @return the claim over all of them
     */
    public static Evidence allOf(String quantity, List<Evidence> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("allOf needs at least one comparison");
        }
        Rule rule = parts.get(0).rule();
        if (parts.stream().anyMatch(part -> !part.rule().equals(rule))) {
            throw new IllegalArgumentException("allOf combines comparisons with one rule; got "
                    + parts.stream().map(Evidence::rule).distinct().toList());
        }
        Evidence deciding = parts.stream().filter(p -> p.verdict() == Verdict.FAILS).findFirst()
                .or(() -> parts.stream().filter(p -> p.verdict() == Verdict.INCONCLUSIVE).findFirst())
                .orElseGet(() -> parts.stream().min(Comparator.comparingDouble(Evidence::room)).orElseThrow());
        return new Evidence(quantity, deciding.estimate(), rule, deciding.verdict(),
                "every one of " + parts.size() + " comparisons must hold; shown: " + deciding.estimate().quantity(), parts);
    }

    /**
     * Makes the verdict inconclusive when the measure itself cannot decide, whatever its interval
     * says: e.g. an early-stopping iteration that is the last evaluation is only a lower bound.
     *
     * @param condition whether the measure is unfit
     * @param why the reason, kept in {@link #note()}
     * @return this evidence, inconclusive when {@code condition} holds
     */
    public Evidence inconclusiveIf(boolean condition, String why) {
        return condition ? new Evidence(quantity, estimate, rule, Verdict.INCONCLUSIVE, why, parts) : this;
    }

    /** @return whether the claim holds */
    public boolean holds() {
        return verdict == Verdict.HOLDS;
    }

    /** @return the rule in words, about the claim's quantity */
    public String ruleInWords() {
        return rule.words(quantity);
    }

    /** @return the outcome of the runs that would make the claim fail, in words */
    public String failsIf() {
        return parts.isEmpty() ? rule.failsIf(quantity) : rule.failsIf(quantity) + " in any one of the " + parts.size() + " comparisons";
    }

    /**
     * How far the interval stays on the claim's side of the margin: the smaller, the nearer to
     * inconclusive. Only compared among parts that hold.
     */
    private double room() {
        Interval interval = estimate.interval();
        return switch (rule.relation()) {
            case AT_LEAST, ABOVE -> interval.low() - rule.margin();
            case AT_MOST, BELOW -> rule.margin() - interval.high();
            case WITHIN -> Math.min(interval.low() + rule.margin(), rule.margin() - interval.high());
        };
    }
}
