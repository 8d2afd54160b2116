package org.lotterylab.tickets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import com.google.gson.Gson;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import org.lotterylab.nn.Net;
import org.lotterylab.prune.Mask;
import org.lotterylab.runs.ModelSpec;
import org.lotterylab.runs.Run;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the rounds of an IMP run live in its {@link Run} folder, and how they are read back.
 *
 * <ul>
 *   <li>{@code checkpoints/rewind.ckpt}: the weights survivors are reset to;</li>
 *   <li>{@code checkpoints/round-NN-mask.ckpt}, {@code round-NN-trained.ckpt}: each round's mask and trained weights;</li>
 *   <li>{@code rounds/round-NN.json}: the round's result, written last: its presence marks the round complete;</li>
 *   <li>{@code model.json}: the architecture.</li>
 * </ul>
 *
 * <p>These names are what {@link org.lotterylab.runs.LabModelZoo} filters take: the dense net is
 * {@code checkpoint=round-00-trained}, the ticket of round 3 is {@code checkpoint=rewind, mask=round-03-mask}.
 */
final class RoundFiles {

    private static final Logger LOG = LoggerFactory.getLogger(RoundFiles.class);
    private static final Gson GSON = new Gson();

    private final Run run;

    RoundFiles(Run run) {
        this.run = run;
    }

    Run run() {
        return run;
    }

    /** Records the architecture, so the model zoo can rebuild the net (see {@link ModelSpec}). */
    void describe(Net net) {
        run.writeAtomic(ModelSpec.FILE, GSON.toJson(ModelSpec.of(net)));
    }

    /** Commits a round: the checkpoints first, the result last, so a crash never leaves a half round marked complete. */
    void save(RoundResult result, Mask mask, Map<String, NDArray> trained, Map<String, NDArray> rewind) {
        if (result.round() == 0) {
            run.saveCheckpoint("rewind", rewind);
        }
        run.saveCheckpoint(name(result.round(), "mask"), mask.tensors());
        run.saveCheckpoint(name(result.round(), "trained"), trained);
        run.writeAtomic(resultFile(result.round()), GSON.toJson(result));
    }

    /**
     * Checks every checkpoint a finished run serves (rewind weights, each round's mask and trained
     * weights) without loading them. When one is missing or damaged, the run is reopened from the
     * first round that needs it, so that {@link Imp#run} recomputes that round and the rounds after
     * it (each later round starts from the one before).
     *
     * @param lastRound the run's last round
     * @return whether everything is intact; false when the run was reopened
     */
    boolean intactOrReopened(int lastRound) {
        OptionalInt damaged = run.hasIntactCheckpoint("rewind") ? IntStream.rangeClosed(0, lastRound)
                .filter(round -> !intact(round)).findFirst() : OptionalInt.of(0);
        if (damaged.isEmpty()) {
            return true;
        }
        int first = damaged.getAsInt();
        LOG.warn("{} has a missing or damaged checkpoint in round {}: recomputing rounds {} to {}",
                run, first, first, lastRound);
        // The round marks go first, the run's mark last: a crash in between leaves a finished run
        // that the next check reopens again.
        for (int round = lastRound; round >= first; round--) {
            run.delete(resultFile(round));
        }
        run.markUnfinished();
        return false;
    }

    private boolean intact(int round) {
        return result(round).isPresent() && run.hasIntactCheckpoint(name(round, "mask"))
                && run.hasIntactCheckpoint(name(round, "trained"));
    }

    Optional<RoundResult> result(int round) {
        return run.read(resultFile(round)).map(json -> GSON.fromJson(json, RoundResult.class));
    }

    Optional<Mask> mask(int round, NDManager manager) {
        return run.loadCheckpoint(name(round, "mask"), manager).map(Mask::of);
    }

    Optional<Map<String, NDArray>> trained(int round, NDManager manager) {
        return run.loadCheckpoint(name(round, "trained"), manager);
    }

    Optional<Map<String, NDArray>> rewind(NDManager manager) {
        return run.loadCheckpoint("rewind", manager);
    }

    private static String name(int round, String what) {
        return String.format("round-%02d-%s", round, what);
    }

    private static String resultFile(int round) {
        return String.format("rounds/round-%02d.json", round);
    }
}
