package org.lotterylab.nn;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Turns PyTorch's gradient recording off on the calling thread.
 *
 * <p>PyTorch records gradients per thread and starts every new thread with recording on; DJL turns
 * it off only on the thread that loaded the engine and turns it on inside a
 * {@code GradientCollector}. Weights are edited in place (masks, rewinding, optimizer steps), which
 * PyTorch refuses on a weight that requires a gradient while recording is on — so a net used from
 * another thread (a notebook cell, a worker) would fail, or silently build graphs.
 */
final class GradientMode {

    private GradientMode() {}

    /** Turns recording off on this thread when the engine is PyTorch; other engines need nothing. */
    static void offOnThisThread(Engine engine) {
        if ("PyTorch".equals(engine.getEngineName())) {
            JniUtils.setGradMode(false);
        }
    }
}
