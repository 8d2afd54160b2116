package org.lotterylab.tickets;

import ai.djl.ndarray.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.prune.Pruner;

/**
 * Where an IMP run stands in its store: how many rounds are complete, their results, and the mask
 * and rewind weights the next round starts from.
 *
 * @param completed the number of complete rounds (the next round's number)
 * @param results the complete rounds' results
 * @param mask the mask of the next round
 * @param rewind the rewind weights, or null while round 0 has not yet produced them
 */
record Resume(int completed, List<RoundResult> results, Mask mask, Map<String, NDArray> rewind) {

    /**
     * Finds the last complete round whose state is readable. A round whose checkpoint is corrupt
     * (reported by the run store) is not trusted: it and the rounds after it are recomputed.
     */
    static Resume from(RoundFiles files, Net net, ImpConfig config, Pruner pruner) {
        int completed = 0;
        while (completed <= config.rounds() && files.result(completed).isPresent()) {
            completed++;
        }
        for (; completed > 0; completed--) {
            var rewind = files.rewind(net.manager());
            if (rewind.isEmpty()) {
                break;
            }
            Optional<Mask> last = files.mask(completed - 1, net.manager());
            Optional<Map<String, NDArray>> trained = files.trained(completed - 1, net.manager());
            if (last.isPresent() && trained.isPresent()) {
                net.load(trained.get());
                Mask next = completed <= config.rounds() ? pruner.prune(net, last.get(), config.fraction()) : last.get();
                return new Resume(completed, results(files, completed), next, rewind.get());
            }
        }
        // From scratch: the net's current weights are the initialisation, which is also the rewind
        // point when rewinding to iteration 0; a later rewind point is taken during round 0.
        return new Resume(0, List.of(), Mask.ones(net), config.rewindIteration() == 0 ? net.weights() : null);
    }

    private static List<RoundResult> results(RoundFiles files, int completed) {
        List<RoundResult> results = new ArrayList<>();
        for (int round = 0; round < completed; round++) {
            results.add(files.result(round).orElseThrow());
        }
        return results;
    }
}
