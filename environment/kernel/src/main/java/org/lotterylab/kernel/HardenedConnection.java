package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.Loop;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import java.lang.reflect.Field;
import java.security.GeneralSecurityException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The base kernel's connection, made to survive a message it must reject.
 *
 * <p>The base kernel (2.3.0) checks every message's HMAC signature, but a mismatch throws out of
 * the shell or control channel's loop, which ends that channel's thread: one forged message would
 * leave the kernel deaf. Here both loops log such a message and drop it, and carry on.
 */
final class HardenedConnection extends JupyterConnection {

    private static final Logger LOG = Logger.getLogger(HardenedConnection.class.getName());

    /**
     * @param properties the connection file's transport, address, ports and key
     * @throws GeneralSecurityException when the signature scheme or key is unusable
     */
    HardenedConnection(KernelConnectionProperties properties) throws GeneralSecurityException {
        super(properties);
    }

    @Override
    public void connect() {
        super.connect();
        dropRejectedMessages(shell);
        dropRejectedMessages(control);
    }

    private static void dropRejectedMessages(ShellChannel channel) {
        loopOf(channel).onError(error -> {
            if (error instanceof SecurityException) {
                LOG.warning("Dropped a message with an invalid signature: " + error.getMessage());
            } else {
                LOG.log(Level.SEVERE, "Dropped a message that could not be handled", error);
            }
            return 0; // poll again at once
        });
    }

    // The loop is private to the channel; the base kernel's version is pinned, so its field name is known.
    private static Loop loopOf(ShellChannel channel) {
        try {
            Field loop = ShellChannel.class.getDeclaredField("ioloop");
            loop.setAccessible(true);
            return (Loop) loop.get(channel);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this jupyter-jvm-basekernel version has no ShellChannel.ioloop to guard", e);
        }
    }
}
