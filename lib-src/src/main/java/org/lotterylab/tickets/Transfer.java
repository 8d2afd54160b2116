package org.lotterylab.tickets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;

/**
 * Ticket transfer (Morcos et al. 2019, "One ticket to win them all"): a ticket found on a source
 * task, moved onto a target task to be retrained there with its mask fixed.
 *
 * <p>Every layer but the output layer keeps the ticket's mask and its (late-reset) weights. The
 * output layer is replaced by the target net's freshly drawn one, always, even when both tasks have
 * as many classes: its units stand for the source's classes, and MNIST's "3" is not
 * Fashion-MNIST's "Dress".
 *
 * <p>The new output layer keeps the ticket's <em>density</em> in that layer, at random positions
 * drawn from the target net's seed. Keeping it sparse, rather than dense, makes the transferred
 * ticket as sparse in every layer as the ticket it comes from, so it is compared with the target's
 * own ticket and with a random ticket at the same % of weights remaining; a dense output layer
 * would not be a small bonus at high sparsity (LeNet-5's output layer has 5,000 weights, more than
 * all of its 1%-ticket). The source's positions are not reused: their rows belong to the source's
 * classes. Random positions on fresh weights are also what the random-ticket baseline has in every
 * layer, so a transferred ticket differs from it only where the ticket carries information.
 *
 * <p>The transferred ticket starts training at iteration 0 of the target's schedule: its weights
 * come from another run, so there is no point of the target's schedule to resume (unlike the
 * target's own late-reset ticket, which resumes where its weights were taken).
 *
 * <pre>{@code
 * Ticket found = sourceImp.ticket(5, manager);                       // mask + late-reset weights
 * Net target = Models.lenet5(1, 26).initialize(manager, 7);          // the target's classes
 * Ticket moved = Transfer.toTarget(found, target);
 * TrainingHistory history = moved.train(target, training, trainSet, testSet);
 * }</pre>
 */
public final class Transfer {

    private Transfer() {}

    /**
     * Moves a ticket onto a target net of the same architecture, whatever its number of classes.
     *
     * @param ticket the source ticket (left unchanged; nothing of the result shares its arrays)
     * @param target an initialised net of the ticket's architecture with the target's classes; its
     *     output layer's current weights become the ticket's, and its seed draws that layer's mask
     * @return the transferred ticket, its arrays owned by the target net's manager, starting at iteration 0
     * @throws IllegalArgumentException naming the mismatch when the ticket was found in another
     *     architecture (a parameter missing or extra, or a shape that differs outside the output layer's classes)
     */
    public static Ticket toTarget(Ticket ticket, Net target) {
        NDManager manager = target.manager();
        String head = target.outputLayer();
        String headLayer = head.substring(0, head.lastIndexOf('.') + 1);
        checkFits(ticket, target, headLayer);
        Map<String, NDArray> weights = new LinkedHashMap<>();
        target.parameters().forEach((name, parameter) -> weights.put(name,
                copy(name.startsWith(headLayer) ? parameter.getArray() : ticket.weights().get(name), manager)));
        Map<String, NDArray> masks = new LinkedHashMap<>();
        for (String name : target.prunableNames()) {
            masks.put(name, name.equals(head) ? headMask(ticket.mask(), target) : copy(ticket.mask().get(name), manager));
        }
        return new Ticket(Mask.of(masks), weights, 0);
    }

    /** The new output layer's mask: the ticket's density in that layer, at positions drawn from the target's seed. */
    private static NDArray headMask(Mask source, Net target) {
        String head = target.outputLayer();
        double density = (double) source.remaining(head) / source.total(head);
        NDArray ones = target.parameter(head).getArray().onesLike();
        ones.attach(target.manager());
        // The random mask's arrays hang off the template mask's manager: copy the layer out before closing it.
        try (Mask layer = Mask.of(Map.of(head, ones))) {
            return copy(Controls.random(layer, density, target.seed()).get(head), target.manager());
        }
    }

    private static void checkFits(Ticket ticket, Net target, String headLayer) {
        List<String> problems = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>(target.parameters().keySet());
        missing.removeAll(ticket.weights().keySet());
        if (!missing.isEmpty()) {
            problems.add("the net has " + missing + ", which the ticket lacks");
        }
        Set<String> extra = new LinkedHashSet<>(ticket.weights().keySet());
        extra.removeAll(target.parameters().keySet());
        if (!extra.isEmpty()) {
            problems.add("the ticket has " + extra + ", which the net lacks");
        }
        Set<String> unmasked = new LinkedHashSet<>(target.prunableNames());
        unmasked.removeAll(ticket.mask().names());
        if (!unmasked.isEmpty()) {
            problems.add("the ticket's mask lacks " + unmasked);
        }
        target.parameters().forEach((name, parameter) -> {
            Shape wanted = parameter.getArray().getShape();
            boolean head = name.startsWith(headLayer);
            NDArray weights = ticket.weights().get(name);
            // In the output layer only the number of classes (the first axis) may differ.
            if (weights != null && !(head ? sameInputs(weights.getShape(), wanted) : weights.getShape().equals(wanted))) {
                problems.add("'" + name + "' has shape " + weights.getShape() + " in the ticket but " + wanted + " in the net");
            }
            if (!head && ticket.mask().names().contains(name) && !ticket.mask().get(name).getShape().equals(wanted)) {
                problems.add("the mask of '" + name + "' has shape " + ticket.mask().get(name).getShape() + " but the net's weights " + wanted);
            }
        });
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("The ticket does not fit net '" + target.name() + "': " + String.join("; ", problems)
                    + ". A ticket transfers only to the architecture it was found in; only the output layer's number of classes may differ");
        }
    }

    private static boolean sameInputs(Shape a, Shape b) {
        return a.dimension() == b.dimension() && a.slice(1).equals(b.slice(1));
    }

    /** A copy on the manager's device, owned by the manager, so that closing the source frees nothing of it. */
    private static NDArray copy(NDArray array, NDManager manager) {
        // toDevice onto the same device may share storage; duplicate() always copies.
        NDArray copy = array.getDevice().equals(manager.getDevice()) ? array.duplicate() : array.toDevice(manager.getDevice(), true);
        copy.attach(manager);
        return copy;
    }
}
