package org.lotterylab.bert;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;

/**
 * GELU in its exact form x·Φ(x) = x/2·(1 + erf(x/√2)), as BERT and Hugging Face compute it; the
 * tanh approximation some engines default to would move the imported model off the reference.
 */
final class Gelu {

    private static final double INV_SQRT2 = 1 / Math.sqrt(2);

    private Gelu() {}

    static NDArray apply(NDArray x) {
        return x.mul(INV_SQRT2).erf().add(1).mul(x).mul(0.5);
    }

    /** A parameter-free block applying GELU to every array of its input. */
    static Block block() {
        return new LambdaBlock(list -> new NDList(list.stream().map(Gelu::apply).toList()), "gelu");
    }
}
