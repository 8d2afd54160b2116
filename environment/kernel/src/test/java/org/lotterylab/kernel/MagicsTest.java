package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MagicsTest {

    private static final KernelHarness HARNESS = new KernelHarness();

    @TempDir
    Path temp;

    private TestLibrary greeter(String name) throws IOException {
        return TestLibrary.compile(temp, name, "    public static String hello() { return \"hello from " + name + "\"; }");
    }

    @Test
    void classpathAddsAFolder() throws IOException {
        Path classes = greeter("FolderGreeter").classes();
        KernelHarness.Outcome outcome = HARNESS.ok("%classpath " + classes + "\ngreet.FolderGreeter.hello()");
        assertEquals("hello from FolderGreeter", outcome.text());
        assertTrue(outcome.output().contains("Added to the class path: " + classes), outcome.output());
    }

    @Test
    void jarsTakesAGlob() throws IOException {
        greeter("JarGreeter").jar(temp.resolve("jars"));
        assertEquals("hello from JarGreeter", HARNESS.ok("%jars " + temp.resolve("jars") + "/*.jar\ngreet.JarGreeter.hello()").text());
    }

    @Test
    void classpathRejectsWhatIsNotThere() {
        KernelHarness.Outcome outcome = HARNESS.run("%classpath " + temp.resolve("nothing.jar"));
        assertInstanceOf(MagicException.class, outcome.failure());
        assertTrue(outcome.failure().getMessage().contains("no such jar or folder"));
    }

    @Test
    void mavenResolvesFromTheLocalRepository() {
        Path cached = Path.of(System.getProperty("user.home"), ".m2/repository/org/knowm/xchart/xchart/3.8.8/xchart-3.8.8.jar");
        assumeTrue(Files.isRegularFile(cached), "xchart 3.8.8 is not in the local Maven repository; this test stays offline");
        KernelHarness.Outcome outcome = HARNESS.ok("%maven org.knowm.xchart:xchart:3.8.8\nnew XYChart(100, 80).getWidth()");
        assertEquals("100", outcome.text(), "the default import org.knowm.xchart.* follows the new jars");
        assertTrue(outcome.output().startsWith("Resolved org.knowm.xchart:xchart:3.8.8: "), outcome.output());
    }

    @Test
    void mavenExplainsABadCoordinate() {
        KernelHarness.Outcome outcome = HARNESS.run("%maven just-an-artifact");
        assertTrue(outcome.failure().getMessage().contains("write group:artifact:version"), outcome.failure().getMessage());
    }

    @Test
    void loadRunsAFileOfSnippets() throws IOException {
        Path file = Files.writeString(temp.resolve("helpers.jsh"), "int twice(int x) {\n    return 2 * x;\n}\nint loaded = twice(21);\n");
        assertEquals("42", HARNESS.ok("%load " + file + "\nloaded").text());
    }

    @Test
    void loadNamesTheFileInErrors() throws IOException {
        Path file = Files.writeString(temp.resolve("broken.jsh"), "int ok = 1;\nint bad = nope;\n");
        String traceback = HARNESS.run("%load " + file).traceback(HARNESS.kernel);
        assertTrue(traceback.contains("broken.jsh line 2, column 11"), traceback);
    }

    @Test
    void timePrintsWallTimeAndKeepsTheValue() {
        KernelHarness.Outcome outcome = HARNESS.ok("%%time\nint slept = 0;\nslept + 7");
        assertEquals("7", outcome.text());
        assertTrue(outcome.output().matches("Wall time: [0-9.]+ m?s\\n"), outcome.output());
    }

    @Test
    void timeKeepsLineNumbers() {
        String traceback = HARNESS.run("%%time\nint fine = 1;\nint broken = nope;").traceback(HARNESS.kernel);
        assertTrue(traceback.contains("line 3, column 14"), traceback);
    }

    @Test
    void lsmagicListsTheMagics() {
        assertEquals("Line magics: %classpath %jars %load %lsmagic %maven; cell magics: %%time.\n",
                HARNESS.ok("%lsmagic").output());
    }

    @Test
    void unknownMagicListsTheKnownOnes() {
        for (String cell : List.of("%nope x", "%%nope\n1")) {
            KernelHarness.Outcome outcome = HARNESS.run(cell);
            assertInstanceOf(MagicException.class, outcome.failure());
            assertTrue(outcome.failure().getMessage().contains("nope. Line magics: %classpath"), outcome.failure().getMessage());
        }
    }
}
