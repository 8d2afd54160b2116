package org.lotterylab.evidence;

import java.util.Locale;

/** What the runs say about a claim, decided on the 95% interval of the quantity it compares. */
public enum Verdict {
    /** The whole interval lies on the claim's side of the margin. */
    HOLDS,
    /** The whole interval lies on the other side: the runs contradict the claim. */
    FAILS,
    /** The interval straddles the margin: these runs cannot tell (too few seeds, too much noise, a censored measure). */
    INCONCLUSIVE;

    /** @return the verdict in lower case, as tables and {@code results.json} write it */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
