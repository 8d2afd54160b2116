package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The kernel's simplelogger.properties comes first on the kernel's class path, so it decides what
 * the notebook shows of every library's logging, the Lottery Lab library's included.
 */
class LoggingConfigurationTest {

    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private static Properties kernelSettings() throws IOException {
        try (InputStream in = LabKernel.class.getResourceAsStream("/simplelogger.properties")) {
            assertNotNull(in, "the kernel jar carries simplelogger.properties");
            Properties settings = new Properties();
            settings.load(in);
            return settings;
        }
    }

    @Test
    void libraryWarningsReachTheNotebookAndDjlsGpuProbeDoesNot() throws IOException {
        Properties settings = kernelSettings();
        assertEquals("warn", settings.getProperty(PREFIX + "defaultLogLevel"));
        assertEquals("System.err", settings.getProperty(PREFIX + "logFile"), "the notebook shows stderr");
        assertTrue(settings.stringPropertyNames().stream().noneMatch(name -> name.startsWith(PREFIX + "log.org.lotterylab")),
                "nothing quiets the library's warnings");
        assertEquals("error", settings.getProperty(PREFIX + "log.ai.djl.util.cuda.CudaUtils"));
    }
}
