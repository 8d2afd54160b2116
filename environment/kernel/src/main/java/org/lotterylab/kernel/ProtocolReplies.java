package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.history.HistoryEntry;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import java.util.List;

/**
 * The kernel_info and history replies as the messaging protocol has them, where the base kernel's
 * (2.3.0) own break it: both lack the {@code "status": "ok"} the protocol requires of them, and the
 * history reply writes each entry as an object instead of an array. Jupyter's conformance suite
 * rejects either. The base kernel writes a message's content with Gson, field by field.
 */
final class ProtocolReplies {

    private ProtocolReplies() {}

    /** A kernel_info reply with its status. */
    static final class KernelInfo extends KernelInfoReply {
        private final String status = "ok"; // read by Gson only

        KernelInfo(String protocolVersion, String implementation, String implementationVersion,
                LanguageInfo language, String banner, List<LanguageInfo.Help> helpLinks) {
            super(protocolVersion, implementation, implementationVersion, language, banner, helpLinks);
        }
    }

    /**
     * A history reply: its status, and each entry as {@code [session, line, input]}, or
     * {@code [session, line, [input, output]]} when the request asked for outputs.
     */
    static final class History implements ContentType<History> {
        // The message type only names the message: Gson writes the content, whatever its class.
        @SuppressWarnings("unchecked")
        private static final MessageType<History> TYPE =
                (MessageType<History>) (MessageType<?>) MessageType.HISTORY_REPLY;

        private final String status = "ok"; // read by Gson only
        private final List<List<Object>> history;

        History(List<HistoryEntry> entries) {
            this.history = entries.stream()
                    .map(entry -> List.<Object>of(entry.getSession(), entry.getCellNumber(), entry.hasOutput()
                            ? List.of(entry.getInput(), entry.getOutput())
                            : entry.getInput()))
                    .toList();
        }

        @Override
        public MessageType<History> getType() {
            return TYPE;
        }
    }
}
