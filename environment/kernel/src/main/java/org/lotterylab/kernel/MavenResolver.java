package org.lotterylab.kernel;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Resolves Maven coordinates to jars with real Maven: writes a throw-away pom that depends on
 * them and runs the dependency plugin's {@code build-classpath} on it. Maven is first run offline
 * (the local repository alone, fast and quiet), then online (Maven Central) if that fails.
 */
final class MavenResolver {

    private static final String PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath";

    private final String mvn;

    /**
     * @param mvn the Maven command, e.g. {@code mvn}
     */
    MavenResolver(String mvn) {
        this.mvn = mvn;
    }

    /**
     * @param coordinates {@code group:artifact:version} each
     * @return the jars of the artifacts and of their runtime dependencies
     * @throws MagicException when a coordinate is malformed or Maven cannot resolve it
     * @throws IOException when the temporary project cannot be written
     * @throws InterruptedException when interrupted while Maven runs
     */
    List<Path> resolve(List<String> coordinates) throws MagicException, IOException, InterruptedException {
        Path project = Files.createTempDirectory("lotterylab-maven");
        try {
            Files.writeString(project.resolve("pom.xml"), pom(coordinates));
            Path classPath = project.resolve("classpath.txt");
            String failure = run(project, classPath, true);
            if (failure != null) {
                failure = run(project, classPath, false);
            }
            if (failure != null) {
                throw new MagicException("Maven could not resolve " + String.join(" ", coordinates) + ":\n" + failure);
            }
            String entries = Files.readString(classPath).strip();
            return entries.isEmpty() ? List.of() : Arrays.stream(entries.split(File.pathSeparator)).map(Path::of).toList();
        } finally {
            deleteTree(project);
        }
    }

    // Returns Maven's output when it failed, null when it succeeded.
    private String run(Path project, Path classPath, boolean offline) throws MagicException, IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-q", "-f", project.resolve("pom.xml").toString(),
                PLUGIN, "-Dmdep.outputFile=" + classPath, "-Dmdep.includeScope=runtime"));
        if (offline) {
            command.add("-o");
        }
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException notFound) {
            throw new MagicException("%maven runs Maven, but '" + mvn + "' could not be started ("
                    + notFound.getMessage() + "): install Maven (apt-get install maven) or put mvn on the PATH");
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor() == 0 ? null : output.strip();
    }

    private static String pom(List<String> coordinates) throws MagicException {
        StringBuilder dependencies = new StringBuilder();
        for (String coordinate : coordinates) {
            String[] parts = coordinate.split(":");
            if (parts.length != 3 || Arrays.stream(parts).anyMatch(String::isBlank)) {
                throw new MagicException("'" + coordinate + "' is not a Maven coordinate: write group:artifact:version,"
                        + " e.g. %maven org.knowm.xchart:xchart:3.8.8");
            }
            dependencies.append("<dependency><groupId>").append(parts[0]).append("</groupId><artifactId>")
                    .append(parts[1]).append("</artifactId><version>").append(parts[2]).append("</version></dependency>");
        }
        return "<project xmlns=\"http://maven.apache.org/POM/4.0.0\"><modelVersion>4.0.0</modelVersion>"
                + "<groupId>org.lotterylab.magic</groupId><artifactId>maven-magic</artifactId><version>1</version>"
                + "<packaging>pom</packaging><dependencies>" + dependencies + "</dependencies></project>";
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            // Reverse order visits a folder's files before the folder itself.
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
