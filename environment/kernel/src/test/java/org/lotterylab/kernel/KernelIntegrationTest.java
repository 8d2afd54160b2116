package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the kernel as Jupyter does, through jupyter_client on Debian's Python, with a kernelspec
 * that launches this test's class path, and checks the replies of real messages.
 */
class KernelIntegrationTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final String KERNEL = "lotterylab-test";

    private static JsonObject report;

    @BeforeAll
    static void runClient(@TempDir Path jupyterPath) throws Exception {
        assumeTrue(hasJupyterClient(), PYTHON + " has no jupyter_client: install it with "
                + "`apt-get install python3-jupyter-client` to run this test");
        writeKernelSpec(jupyterPath.resolve("kernels").resolve(KERNEL));
        // A file, not a pipe: a kernel the script failed to stop would hold a pipe open forever.
        Path output = jupyterPath.resolve("report.json");
        ProcessBuilder builder = new ProcessBuilder(PYTHON, "src/test/python/kernel_client.py", KERNEL)
                .redirectOutput(output.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("JUPYTER_PATH", jupyterPath.toString());
        builder.environment().put("JUPYTER_RUNTIME_DIR", jupyterPath.resolve("runtime").toString());
        Process client = builder.start();
        if (!client.waitFor(3, TimeUnit.MINUTES)) {
            client.destroyForcibly();
            throw new AssertionError("the client script hung");
        }
        String text = Files.readString(output);
        assertEquals(0, client.exitValue(), "the client script failed; its output:\n" + text);
        report = JsonParser.parseString(text).getAsJsonObject();
    }

    private static boolean hasJupyterClient() throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        Process probe = new ProcessBuilder(PYTHON, "-c", "import jupyter_client").start();
        return probe.waitFor() == 0;
    }

    private static void writeKernelSpec(Path folder) throws IOException {
        Files.createDirectories(folder);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Map<String, Object> spec = Map.of(
                "display_name", "Lottery Lab (test)",
                "language", "java",
                "interrupt_mode", "message",
                "argv", List.of(java, "-cp", System.getProperty("java.class.path"), "-Djava.awt.headless=true",
                        "org.lotterylab.kernel.LabKernel", "{connection_file}"));
        Files.writeString(folder.resolve("kernel.json"), new Gson().toJson(spec));
    }

    private static JsonArray outputs(String cell) {
        return report.getAsJsonObject(cell).getAsJsonArray("outputs");
    }

    private static JsonObject output(String cell, int index) {
        return outputs(cell).get(index).getAsJsonObject();
    }

    @Test
    void kernelInfoDescribesJava() {
        JsonObject language = report.getAsJsonObject("kernel_info").getAsJsonObject("language_info");
        assertEquals("java", language.get("name").getAsString());
        assertEquals(".java", language.get("file_extension").getAsString());
        assertEquals(String.valueOf(Runtime.version().feature()), language.get("version").getAsString());
        assertEquals("ok", report.getAsJsonObject("kernel_info").get("status").getAsString());
    }

    @Test
    void expressionHasAResult() {
        assertEquals("ok", report.getAsJsonObject("sum").get("status").getAsString());
        JsonObject result = output("sum", 0);
        assertEquals("execute_result", result.get("type").getAsString());
        assertEquals("2", result.getAsJsonObject("content").getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void printedTextIsStreamedInOrder() {
        StringBuilder streams = new StringBuilder();
        for (var output : outputs("print")) {
            JsonObject content = output.getAsJsonObject().getAsJsonObject("content");
            streams.append(content.get("name").getAsString()).append(':').append(content.get("text").getAsString());
        }
        assertEquals("stdout:hello\nstderr:careful\nstdout:bye\n", streams.toString());
    }

    @Test
    void runtimeErrorNamesTheUsersException() {
        assertEquals("error", report.getAsJsonObject("error").get("status").getAsString());
        JsonObject error = output("error", 0).getAsJsonObject("content");
        assertEquals("java.lang.IllegalStateException: boom", error.get("evalue").getAsString());
        assertFalse(error.get("traceback").toString().contains("org.lotterylab.kernel"), error.toString());
    }

    @Test
    void compileErrorShowsWhere() {
        JsonObject error = output("compile_error", 0).getAsJsonObject("content");
        assertTrue(error.get("traceback").toString().contains("line 1, column 9"), error.toString());
    }

    @Test
    void displayAndUpdateUseOneDisplayId() {
        JsonObject shown = output("display", 0);
        JsonObject updated = output("display", 1);
        assertEquals("display_data", shown.get("type").getAsString());
        assertEquals("update_display_data", updated.get("type").getAsString());
        String id = shown.getAsJsonObject("content").getAsJsonObject("transient").get("display_id").getAsString();
        assertEquals(id, updated.getAsJsonObject("content").getAsJsonObject("transient").get("display_id").getAsString());
        assertEquals("second", updated.getAsJsonObject("content").getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void clearOutputClearsNowOrBeforeTheNextOutput() {
        assertEquals("ok", report.getAsJsonObject("clear").get("status").getAsString());
        assertEquals("display_data", output("clear", 0).get("type").getAsString());
        JsonObject now = output("clear", 1);
        JsonObject waiting = output("clear", 2);
        assertEquals("clear_output", now.get("type").getAsString());
        assertFalse(now.getAsJsonObject("content").get("wait").getAsBoolean());
        assertEquals("clear_output", waiting.get("type").getAsString());
        assertTrue(waiting.getAsJsonObject("content").get("wait").getAsBoolean());
    }

    @Test
    void historyHoldsTheExecutedCells() {
        // Cells 1 to 8: sum, print, error, compile_error, display, clear, interrupt, after_interrupt;
        // with outputs, each entry is [session, number, [input, output]], the output empty where none.
        JsonArray tail = history("history_tail");
        assertEquals("[[1,7,[\"while (true) {}\",\"\"]],[1,8,[\"int kept = 5;\\nkept * 2\",\"10\"]]]", tail.toString());
        JsonArray range = history("history_range");
        assertEquals(2, range.size());
        assertEquals("[1,3,\"throw new IllegalStateException(\\\"boom\\\");\"]", range.get(1).toString());
        assertEquals("[[1,1,\"1 + 1\"]]", history("history_search").toString());
    }

    private static JsonArray history(String request) {
        assertEquals("ok", report.getAsJsonObject(request).get("status").getAsString());
        return report.getAsJsonObject(request).getAsJsonArray("history");
    }

    @Test
    void completionInspectionAndCompleteness() {
        assertTrue(report.getAsJsonObject("complete").get("matches").toString().contains("max("));
        assertEquals("incomplete", report.getAsJsonObject("is_complete").get("status").getAsString());
        assertTrue(report.getAsJsonObject("inspect").toString().contains("Math.max(int a, int b)"));
    }

    @Test
    void interruptStopsTheCellAndTheKernelLivesOn() {
        assertTrue(report.getAsJsonArray("interrupt").toString().contains("interrupted"), report.get("interrupt").toString());
        JsonObject result = output("after_interrupt", 0).getAsJsonObject("content");
        assertEquals("10", result.getAsJsonObject("data").get("text/plain").getAsString());
    }

    @Test
    void restartStartsFreshAndShutdownEnds() {
        assertEquals("error", report.getAsJsonObject("after_restart").get("status").getAsString());
        assertFalse(report.get("alive_after_shutdown").getAsBoolean());
    }
}
