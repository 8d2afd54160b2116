package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    private static final JavaEvaluator JAVA = JavaEvaluator.start(System.getProperty("java.class.path"));
    private static final KernelHarness HARNESS = new KernelHarness();

    @AfterAll
    static void close() {
        JAVA.close();
    }

    private static Object valueOf(String code) throws CellException {
        Optional<CellValue> value = JAVA.eval(new CellSource("test", code));
        assertTrue(value.isPresent(), "no value for " + code);
        return value.get().object();
    }

    @Test
    void lastExpressionIsTheRealObject() throws CellException {
        Object list = valueOf("var list = new java.util.ArrayList<String>();\nlist.add(\"a\");\nlist");
        assertInstanceOf(ArrayList.class, list);
        assertEquals(1, ((ArrayList<?>) list).size());
    }

    @Test
    void statementsAndDeclarationsHaveNoValue() throws CellException {
        assertTrue(JAVA.eval(new CellSource("test", "int unused = 3;")).isEmpty());
        assertTrue(JAVA.eval(new CellSource("test", "1 + 1;\nSystem.out.print(\"\");")).isEmpty());
    }

    @Test
    void nullIsAValue() throws CellException {
        assertNull(valueOf("(String) null"));
    }

    @Test
    void stateLivesOnAcrossCells() {
        HARNESS.ok("int answer = 41;");
        HARNESS.ok("int next() { return ++answer; }");
        assertEquals("42", HARNESS.ok("next()").text());
    }

    @Test
    void threadLocalStateLivesOnAcrossCells() {
        // Libraries keep per-thread settings (PyTorch's gradient mode): every cell runs on one thread.
        HARNESS.ok("ThreadLocal<Integer> setting = ThreadLocal.withInitial(() -> 0);");
        HARNESS.ok("setting.set(7);");
        assertEquals("7", HARNESS.ok("setting.get()").text());
    }

    @Test
    void printedTextComesOutInOrder() {
        KernelHarness.Outcome outcome = HARNESS.ok(
                "System.out.println(\"one\");\nSystem.err.println(\"two\");\nSystem.out.println(\"three\");");
        assertEquals("one\ntwo\nthree\n", outcome.output());
        assertNull(outcome.result());
    }

    @Test
    void defaultImportsAndDisplayApiAreThere() {
        assertEquals("[1, 2]", HARNESS.ok("List.of(1, 2).stream().collect(Collectors.toList())").text());
        assertEquals("true", HARNESS.ok("Paths.get(\"x\") instanceof Path").text());
        assertEquals("text", HARNESS.ok("render(\"text\")").text());
        assertNull(HARNESS.ok("clearOutput();\nclearOutput(true);").result(), "nothing to clear outside Jupyter");
    }
}
