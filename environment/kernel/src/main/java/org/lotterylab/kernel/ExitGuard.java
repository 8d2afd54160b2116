package org.lotterylab.kernel;

import java.security.Permission;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.logging.Logger;

/**
 * Keeps the kernel, and every variable of the notebook, alive when user code calls
 * {@code System.exit}, {@code Runtime.exit} or {@code Runtime.halt}: the call throws a
 * {@link SecurityException} that fails the cell with a message saying so.
 *
 * <p>Why a security manager, deprecated since Java 17, rather than rewriting the calls in the
 * cells' source or bytecode: it is the one hook that sees every way to end the JVM — a method
 * reference ({@code System::exit}), reflection, a thread the cell started, a library added with
 * {@code %maven} that calls exit — while a rewrite sees only the calls spelled out in a cell. The
 * kernel runs on Java 17, where {@code System.setSecurityManager} works (the kernelspec passes
 * {@code -Djava.security.manager=allow} so that it keeps working up to Java 23); where the JVM
 * refuses, the kernel logs that exits are not guarded and runs on without the guard.
 *
 * <p>Only exits from user code are refused: a call with a class on its stack that JShell's class
 * loader defined (a snippet, a lambda of one, a jar added to the notebook's class path). The
 * kernel's own exit at shutdown goes through. Every other permission is granted, as it is without
 * a security manager.
 */
@SuppressWarnings("removal") // deprecated for removal after Java 17: the class comment says why it is used
final class ExitGuard extends SecurityManager {

    private static final Logger LOG = Logger.getLogger(ExitGuard.class.getName());

    /** Frames of the exit machinery, cut from the top of the exception the cell sees. */
    private static final Set<String> EXIT_CLASSES =
            Set.of(ExitGuard.class.getName(), "java.lang.Runtime", "java.lang.System", "java.lang.Shutdown");

    private static final Permission SET_SECURITY_MANAGER = new RuntimePermission("setSecurityManager");

    private ExitGuard() {}

    /** Installs the guard once for this JVM; a second call, or a JVM that refuses, changes nothing. */
    static synchronized void install() {
        if (System.getSecurityManager() instanceof ExitGuard) {
            return;
        }
        // With a security manager in place the common pool would be built with "innocuous" worker
        // threads, which forget thread-locals after every task: build it as usual first.
        ForkJoinPool.commonPool();
        try {
            // Java prints its deprecation warning to the JVM's first stderr, which no Java code can
            // silence: say first, in the same log, what it is about.
            System.err.println("[lotterylab kernel] installing ExitGuard, a security manager that keeps System.exit "
                    + "in a cell from ending the kernel; Java warns about security managers below:");
            System.setSecurityManager(new ExitGuard());
        } catch (UnsupportedOperationException refused) {
            LOG.warning("System.exit in a cell will end the kernel: this JVM allows no security manager "
                    + "(start it with -Djava.security.manager=allow)");
        }
    }

    @Override
    public void checkExit(int status) {
        if (calledFromUserCode()) {
            SecurityException refused = new SecurityException("System.exit(" + status + ") refused: it would end the "
                    + "kernel and lose every variable of the notebook. The cell stops here and the kernel carries on; "
                    + "to stop the kernel, use Kernel > Shutdown (or Restart) in Jupyter.");
            StackTraceElement[] frames = refused.getStackTrace();
            int first = 0;
            while (first < frames.length && EXIT_CLASSES.contains(frames[first].getClassName())) {
                first++;
            }
            refused.setStackTrace(Arrays.copyOfRange(frames, first, frames.length));
            throw refused;
        }
    }

    @Override
    public void checkPermission(Permission permission) {
        // Removing the guard would let the next exit through: user code may not.
        if (SET_SECURITY_MANAGER.equals(permission) && calledFromUserCode()) {
            throw new SecurityException("a cell may not replace the kernel's security manager (it keeps System.exit "
                    + "from ending the kernel)");
        }
    }

    @Override
    public void checkPermission(Permission permission, Object context) {
        checkPermission(permission);
    }

    private boolean calledFromUserCode() {
        for (Class<?> caller : getClassContext()) {
            if (!isKernelLoader(caller.getClassLoader())) {
                return true;
            }
        }
        return false;
    }

    // The JDK's and the kernel's own classes (the kernel's class path) come from these loaders;
    // JShell defines snippets, and jars added to the notebook, in a loader below them.
    private static boolean isKernelLoader(ClassLoader loader) {
        return loader == null || loader == ClassLoader.getPlatformClassLoader() || loader == ClassLoader.getSystemClassLoader();
    }
}
