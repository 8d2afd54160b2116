package org.lotterylab.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The source of a class from the {@code -sources.jar} beside its jar, as Maven lays them out
 * ({@code lotterylab-0.1.0.jar} and {@code lotterylab-0.1.0-sources.jar}, in the build's
 * {@code target/} or in the local repository). The library's build makes one; other libraries'
 * come with {@code mvn dependency:sources}.
 */
final class SourcesJar {

    private SourcesJar() {}

    /**
     * @param type a class; a nested class is found in its top-level class's file
     * @return the text of its source file; empty when its jar has no sources jar beside it
     */
    static Optional<String> sourceOf(Class<?> type) {
        Class<?> topLevel = type;
        while (topLevel.getEnclosingClass() != null) {
            topLevel = topLevel.getEnclosingClass();
        }
        Optional<Path> jar = jarOf(topLevel);
        if (jar.isEmpty()) {
            return Optional.empty();
        }
        String name = jar.get().getFileName().toString();
        Path sources = jar.get().resolveSibling(name.substring(0, name.length() - ".jar".length()) + "-sources.jar");
        if (!Files.isRegularFile(sources)) {
            return Optional.empty();
        }
        String entry = topLevel.getName().replace('.', '/') + ".java";
        try (ZipFile zip = new ZipFile(sources.toFile())) {
            ZipEntry file = zip.getEntry(entry);
            if (file == null) {
                return Optional.empty();
            }
            try (InputStream in = zip.getInputStream(file)) {
                return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException unreadable) {
            return Optional.empty(); // documentation is a courtesy: a broken sources jar only hides it
        }
    }

    private static Optional<Path> jarOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Optional.empty(); // the JDK's own classes
        }
        try {
            Path location = Path.of(code.getLocation().toURI());
            return location.toString().endsWith(".jar") ? Optional.of(location) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException notAFile) {
            return Optional.empty();
        }
    }
}
