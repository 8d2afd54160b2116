package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

class CodeAssistTest {

    private static final KernelHarness HARNESS = new KernelHarness();

    @Test
    void completesMembersInALaterSnippet() {
        String code = "int a = 1;\nMath.ma";
        ReplacementOptions options = HARNESS.kernel.complete(code, code.length());
        assertTrue(options.getReplacements().contains("max("), options.getReplacements().toString());
        assertEquals(code.length() - 2, options.getSourceStart());
        assertEquals(code.length(), options.getSourceEnd());
    }

    @Test
    void completesUserVariables() {
        HARNESS.ok("int learningRate = 3;");
        assertTrue(HARNESS.kernel.complete("learn", 5).getReplacements().contains("learningRate"));
    }

    @Test
    void tellsCompleteIncompleteAndInvalid() {
        assertEquals("complete", HARNESS.kernel.isComplete("int x = 1;\nx + 1"));
        assertEquals("complete", HARNESS.kernel.isComplete("%lsmagic"));
        assertTrue(HARNESS.kernel.isComplete("class A {").isBlank(), "incomplete code gets an indent");
        assertTrue(HARNESS.kernel.isComplete("int y = 2;\nfor (int i = 0; i < 3; i++)").isBlank());
        assertEquals("invalid", HARNESS.kernel.isComplete(")))"));
        assertEquals("invalid", HARNESS.kernel.isComplete("String s = \"open"));
    }

    @Test
    void inspectShowsSignatures() {
        String code = "Math.max(1, 2)";
        DisplayData doc = HARNESS.kernel.inspect(code, 6, false);
        assertTrue(((String) doc.getData(MIMEType.TEXT_PLAIN)).contains("int Math.max(int a, int b)"));
    }

    @Test
    void inspectShowsSignaturesOfANameWithoutArguments() {
        DisplayData doc = HARNESS.kernel.inspect("Math.max", 8, false);
        assertTrue(((String) doc.getData(MIMEType.TEXT_PLAIN)).contains("int Math.max(int a, int b)"));
    }

    @Test
    void inspectShowsAVariablesType() {
        HARNESS.ok("var names = new ArrayList<String>();");
        String code = "names.size()";
        DisplayData doc = HARNESS.kernel.inspect(code, 2, false);
        assertEquals("names:java.util.ArrayList<java.lang.String>", doc.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void inspectOfNothingIsNull() {
        assertNull(HARNESS.kernel.inspect("   ", 1, false));
    }
}
