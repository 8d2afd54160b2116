package org.lotterylab.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import ai.djl.training.optimizer.Optimizer;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Two parameter groups behind one DJL {@link Optimizer}: weights are updated by an optimizer with
 * weight decay, everything else (biases, BatchNorm/LayerNorm gains and shifts) by one without.
 *
 * <p>DJL's optimizers decay every parameter they update, but decaying biases and normalisation
 * parameters only hurts (it pulls BatchNorm's scale towards 0, which no later layer can undo).
 * The {@link ai.djl.training.Trainer} hands each parameter's id to {@link #update}, so the split
 * is exact; the two inner optimizers keep their own state (momentum, Adam moments) per parameter.
 */
final class WeightsOnlyDecay extends Optimizer {

    private final Set<String> decayedIds;
    private final Optimizer decayed;
    private final Optimizer plain;

    /**
     * @param parameters all parameters the trainer updates
     * @param decayed the optimizer for weights
     * @param plain the optimizer for the other parameters, without weight decay
     */
    WeightsOnlyDecay(Collection<Parameter> parameters, Optimizer decayed, Optimizer plain) {
        super(new OptimizerOptions());
        this.decayedIds = parameters.stream()
                .filter(p -> p.getType() == Parameter.Type.WEIGHT)
                .map(Parameter::getId)
                .collect(Collectors.toUnmodifiableSet());
        this.decayed = decayed;
        this.plain = plain;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
        (decayedIds.contains(parameterId) ? decayed : plain).update(parameterId, weight, grad);
    }
}
