package org.lotterylab.gems;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.prune.Mask;
import org.lotterylab.tickets.Controls;
import org.lotterylab.tickets.Ticket;

/**
 * The sanity checks of Rare Gems (after Frankle et al. 2021), as tickets to evaluate and train
 * beside the original: if a check barely changes the accuracy, the method's choice of *which*
 * weights carried no information beyond the per-layer densities.
 *
 * <ul>
 *   <li>layer-wise shuffle: every layer keeps as many weights, at random positions;</li>
 *   <li>re-init: the same mask on other initial weights;</li>
 *   <li>score inversion: as many weights, those the method ranks lowest (where the method has scores).</li>
 * </ul>
 *
 * <pre>{@code
 * Map<String, Ticket> checks = SanityChecks.of(ticket, otherInit, Optional.of(gem.inverted()), 7);
 * }</pre>
 */
public final class SanityChecks {

    /** The unchanged ticket. */
    public static final String ORIGINAL = "original";
    /** The layer-wise shuffle of the mask. */
    public static final String SHUFFLED = "layer-wise shuffle";
    /** The mask on re-initialised weights. */
    public static final String REINITIALIZED = "re-init";
    /** The mask of the lowest scores. */
    public static final String INVERTED = "score inversion";

    private SanityChecks() {}

    /**
     * @param ticket the method's mask and the initial weights it was found for
     * @param otherInit initial weights drawn from another seed (the same way as the originals)
     * @param inverted the method's inverted mask, if it ranks weights
     * @param seed the seed of the shuffle
     * @return the original ticket and its controls, by check name in table order
     */
    public static Map<String, Ticket> of(Ticket ticket, Map<String, NDArray> otherInit, Optional<Mask> inverted,
            long seed) {
        Map<String, Ticket> checks = new LinkedHashMap<>();
        checks.put(ORIGINAL, ticket);
        checks.put(SHUFFLED, ticket.withMask(Controls.shuffledLayerwise(ticket.mask(), seed)));
        checks.put(REINITIALIZED, new Ticket(ticket.mask(), otherInit, 0));
        inverted.ifPresent(mask -> checks.put(INVERTED, ticket.withMask(mask)));
        return checks;
    }
}
