package org.lotterylab.kernel;

import java.util.logging.Level;
import java.util.logging.Logger;

/** JVM-wide settings the kernel needs before any notebook code runs. */
final class JvmSettings {

    // The root logger must stay referenced for its level to stick.
    private static final Logger ROOT_LOGGER = Logger.getLogger("");

    private JvmSettings() {}

    /**
     * AWT headless (charts render without a display), DJL offline unless the user decided otherwise
     * (no downloads at run time), java.util.logging at warnings only (the base kernel logs every
     * message it handles at INFO), and the {@link ExitGuard}, so that no cell can end the kernel.
     */
    static void apply() {
        setUnlessSet("java.awt.headless", "true");
        setUnlessSet("ai.djl.offline", "true");
        ROOT_LOGGER.setLevel(Level.WARNING);
        ExitGuard.install();
    }

    private static void setUnlessSet(String name, String value) {
        if (System.getProperty(name) == null) {
            System.setProperty(name, value);
        }
    }
}
