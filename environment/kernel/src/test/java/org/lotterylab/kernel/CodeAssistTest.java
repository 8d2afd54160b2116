package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
    void inspectShowsSignaturesOfABareNameWhereverTheCursorIsInIt() {
        String code = "int unrelated = 1;\nMath.abs";
        for (int cursor : new int[] {code.length(), code.length() - 1, code.indexOf("abs")}) {
            DisplayData doc = HARNESS.kernel.inspect(code, cursor, false);
            assertTrue(((String) doc.getData(MIMEType.TEXT_PLAIN)).contains("int Math.abs(int a)"), "cursor " + cursor);
        }
    }

    @Test
    void inspectShowsTheJavadocOfALibraryWithASourcesJar(@TempDir Path temp) throws Exception {
        TestLibrary library = TestLibrary.compile(temp, "Documented", """
                    /**
                     * Says hello to someone, politely. More words that only the full view shows.
                     *
                     * @param name who to greet, {@code "world"} for everyone
                     * @return the greeting
                     */
                    public static String greet(String name) { return "hello " + name; }

                    /** Says hello to several at once. */
                    public static String greet(String first, String second) { return "hello " + first + " and " + second; }
                """);
        library.sourcesJar(temp.resolve("jars"));
        HARNESS.ok("%jars " + library.jar(temp.resolve("jars")) + "\nimport greet.*;");

        String summary = (String) HARNESS.kernel.inspect("Documented.greet", 16, false).getData(MIMEType.TEXT_PLAIN);
        assertEquals("String Documented.greet(String name)\n    Says hello to someone, politely.\n\n"
                + "String Documented.greet(String first, String second)\n    Says hello to several at once.", summary);

        String full = (String) HARNESS.kernel.inspect("Documented.greet(\"x\")", 13, true).getData(MIMEType.TEXT_PLAIN);
        assertTrue(full.contains("More words that only the full view shows."), full);
        assertTrue(full.contains("Parameters:\n      name – who to greet, \"world\" for everyone\n    Returns: the greeting"), full);
    }

    @Test
    void inspectShowsTheJavadocOfAType(@TempDir Path temp) throws Exception {
        TestLibrary library = TestLibrary.compile(temp, "Typed", "");
        String withComment = java.nio.file.Files.readString(library.source()).replace("public class", "/** A type with a comment. */\npublic class");
        java.nio.file.Files.writeString(library.source(), withComment);
        library.sourcesJar(temp.resolve("jars"));
        HARNESS.ok("%jars " + library.jar(temp.resolve("jars")));
        String doc = (String) HARNESS.kernel.inspect("greet.Typed", 11, false).getData(MIMEType.TEXT_PLAIN);
        assertEquals("greet.Typed\n    A type with a comment.", doc);
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
