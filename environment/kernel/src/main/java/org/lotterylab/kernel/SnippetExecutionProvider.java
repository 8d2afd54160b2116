package org.lotterylab.kernel;

import java.util.Map;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/** Gives JShell a {@link SnippetExecutionControl} and remembers it for the kernel. */
final class SnippetExecutionProvider implements ExecutionControlProvider {

    private SnippetExecutionControl control;

    @Override
    public String name() {
        return "lotterylab-in-process";
    }

    @Override
    public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
        control = new SnippetExecutionControl();
        return control;
    }

    /** @return the control JShell was built with */
    SnippetExecutionControl control() {
        if (control == null) {
            throw new IllegalStateException("JShell has not been built with this provider yet");
        }
        return control;
    }
}
