package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/** Talks the Jupyter wire protocol to the connection directly, forging one message. */
class HardenedConnectionTest {

    private static final String KEY = "a-secret-key";

    /** The smallest kernel that answers kernel_info. */
    private static final class QuietKernel extends BaseKernel {
        @Override
        public DisplayData eval(String expr) {
            return null;
        }

        @Override
        public LanguageInfo getLanguageInfo() {
            return new LanguageInfo("java", "17", "text/x-java-source", ".java", "java", "java", "script");
        }
    }

    @BeforeAll
    static void quietLogging() {
        JvmSettings.apply(); // as the kernel runs: only warnings, like the one expected here
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String header(String id) {
        return "{\"msg_id\":\"" + id + "\",\"username\":\"test\",\"session\":\"s\",\"date\":\"2024-01-01T00:00:00.000Z\","
                + "\"msg_type\":\"kernel_info_request\",\"version\":\"5.3\"}";
    }

    private static void send(ZMQ.Socket socket, String header, String signature) {
        socket.sendMore("<IDS|MSG>");
        socket.sendMore(signature);
        socket.sendMore(header);
        socket.sendMore("{}");
        socket.sendMore("{}");
        socket.send("{}");
    }

    @Test
    void badSignatureIsDroppedAndLoggedAndTheKernelStillAnswers() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger logger = Logger.getLogger(HardenedConnection.class.getName());
        logger.addHandler(handler);
        int shellPort = freePort();
        KernelConnectionProperties properties = new KernelConnectionProperties("127.0.0.1", freePort(), shellPort,
                freePort(), freePort(), freePort(), "tcp", "hmac-sha256", KEY);
        HardenedConnection connection = new HardenedConnection(properties);
        new QuietKernel().becomeHandlerForConnection(connection);
        connection.connect();
        try (ZContext context = new ZContext()) {
            ZMQ.Socket client = context.createSocket(SocketType.DEALER);
            client.setReceiveTimeOut(20_000);
            client.connect("tcp://127.0.0.1:" + shellPort);

            String forged = header(UUID.randomUUID().toString());
            send(client, forged, "0".repeat(64));
            String genuineId = UUID.randomUUID().toString();
            String genuine = header(genuineId);
            HMACGenerator hmac = new HMACGenerator("hmac-sha256", KEY);
            send(client, genuine, hmac.calculateSignature(bytes(genuine), bytes("{}"), bytes("{}"), bytes("{}")));

            assertEquals("<IDS|MSG>", client.recvStr());
            client.recvStr(); // signature
            JsonObject replyHeader = JsonParser.parseString(client.recvStr()).getAsJsonObject();
            JsonObject parent = JsonParser.parseString(client.recvStr()).getAsJsonObject();
            assertEquals("kernel_info_reply", replyHeader.get("msg_type").getAsString());
            assertEquals(genuineId, parent.get("msg_id").getAsString(), "the first reply answers the genuine request");
        } finally {
            connection.close();
            logger.removeHandler(handler);
        }
        assertTrue(records.stream().anyMatch(r -> r.getLevel() == Level.WARNING && r.getMessage().contains("invalid signature")),
                "the forged message is logged");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
