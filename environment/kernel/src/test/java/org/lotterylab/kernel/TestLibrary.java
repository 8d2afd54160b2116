package org.lotterylab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;

/**
 * A one-class library that tests build on the fly, as a notebook would get one: its source, its
 * classes in a folder, its jar, and a sources jar beside the jar. The class lives in package
 * {@code greet}: snippets live in a package of their own and cannot see the unnamed package.
 *
 * @param name the class's simple name
 * @param source its source file
 * @param classes the folder it is compiled into
 */
record TestLibrary(String name, Path source, Path classes) {

    /**
     * @param folder where to build it
     * @param name the class's simple name
     * @param body the class's body, between its braces
     * @return the compiled library
     * @throws IOException when a file cannot be written
     */
    static TestLibrary compile(Path folder, String name, String body) throws IOException {
        Path source = folder.resolve("src").resolve("greet").resolve(name + ".java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package greet;\n\npublic class " + name + " {\n" + body + "\n}\n");
        Path classes = Files.createDirectories(folder.resolve("classes-" + name));
        // -parameters, as the project's own build: signatures then show the parameters' names.
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-parameters", "-d", classes.toString(), source.toString());
        assertEquals(0, status, "the test library " + name + " does not compile");
        return new TestLibrary(name, source, classes);
    }

    /**
     * @param folder where the jar goes
     * @return the jar of the class
     * @throws IOException when it cannot be written
     */
    Path jar(Path folder) throws IOException {
        return jarOf(folder.resolve(name + ".jar"), classes.resolve("greet").resolve(name + ".class"), ".class");
    }

    /**
     * @param folder where the jar goes: beside the class jar, as Maven puts it
     * @return the sources jar, {@code NAME-sources.jar}
     * @throws IOException when it cannot be written
     */
    Path sourcesJar(Path folder) throws IOException {
        return jarOf(folder.resolve(name + "-sources.jar"), source, ".java");
    }

    private Path jarOf(Path jar, Path file, String extension) throws IOException {
        Files.createDirectories(jar.getParent());
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new JarEntry("greet/" + name + extension));
            Files.copy(file, (OutputStream) out);
            out.closeEntry();
        }
        return jar;
    }
}
