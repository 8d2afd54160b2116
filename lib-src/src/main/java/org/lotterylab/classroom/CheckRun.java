package org.lotterylab.classroom;

/** Runs one check and turns whatever happens into a {@link CheckResult}. */
final class CheckRun {

    private CheckRun() {}

    /**
     * Errors that end the JVM's work (out of memory) and the kernel's interrupt (ThreadDeath, an
     * Error) are not the check's to judge: they propagate. A stack overflow is a student's
     * endless recursion, and an AssertionError a student's own assert: both are reported.
     */
    static CheckResult of(String name, Check check) {
        try {
            check.run(new Expect());
            return new CheckResult(name, Outcome.PASSED, "");
        } catch (CheckFailed failed) {
            return new CheckResult(name, Outcome.FAILED, failed.getMessage());
        } catch (Exception | StackOverflowError | AssertionError thrown) {
            return unanswered(thrown)
                    ? new CheckResult(name, Outcome.NOT_ANSWERED, "not answered yet")
                    : new CheckResult(name, Outcome.ERROR, "your code threw " + describe(thrown));
        }
    }

    /** The stub's exception may arrive wrapped, e.g. by a stream or a library callback. */
    private static boolean unanswered(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof NotAnsweredYet) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable thrown) {
        String message = thrown.getMessage();
        return thrown.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }
}
