package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * The imports every cell starts with: the JDK's usual packages, the display API, and the packages
 * of the Lottery Lab library, DJL, Tablesaw and XChart when they are on the class path (all of them
 * are optional to the kernel). The method packages of single papers (gsm, gems, bert, ...) are
 * left to each notebook's own imports, which tell the reader where a method lives. Retried after
 * each class path change, so a library added later gets its imports too.
 */
final class DefaultImports {

    private static final List<String> IMPORTS = List.of(
            "java.util.*", "java.util.stream.*", "java.nio.file.*", "java.io.*",
            "static org.lotterylab.display.Display.*",
            "org.lotterylab.*", "org.lotterylab.data.*", "org.lotterylab.nn.*", "org.lotterylab.prune.*",
            "org.lotterylab.train.*", "org.lotterylab.tickets.*", "org.lotterylab.runs.*",
            "org.lotterylab.report.*", "org.lotterylab.evidence.*",
            "ai.djl.*", "ai.djl.ndarray.*", "ai.djl.ndarray.types.*", "ai.djl.nn.*", "ai.djl.training.*",
            "tech.tablesaw.api.*", "org.knowm.xchart.*",
            // Both org.lotterylab.train and ai.djl.training have a TrainingConfig; a single-type
            // import outranks the two on-demand ones, so notebooks mean the library's.
            "org.lotterylab.train.TrainingConfig");

    private final List<String> missing = new ArrayList<>(IMPORTS);

    /**
     * Imports every package not imported yet that the class path now holds. JShell decides: the
     * import of a package that is not there does not compile and is simply tried again later.
     *
     * @param java where to import
     */
    void importAvailable(JavaEvaluator java) {
        missing.removeIf(name -> tryImport(java, name));
    }

    private static boolean tryImport(JavaEvaluator java, String name) {
        try {
            java.eval(new CellSource("default imports", "import " + name + ";"));
            return true;
        } catch (CellException notOnClassPath) {
            return false;
        }
    }
}
