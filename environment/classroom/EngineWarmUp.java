/**
 * Loads the Lottery Lab library's engine once, so that DJL extracts PyTorch's native library into
 * ENGINE_CACHE_DIR: `environment/lab hub` runs it as root into the hub's shared, read-only cache,
 * which every student's kernel then loads instead of extracting 430 MB into each home.
 *
 * <p>Run with Java's source launcher: {@code java -cp CLASSPATH EngineWarmUp.java}.
 */
public final class EngineWarmUp {

    private EngineWarmUp() {}

    /**
     * @param args none
     */
    public static void main(String[] args) {
        System.out.println(org.lotterylab.Lab.describe());
    }
}
