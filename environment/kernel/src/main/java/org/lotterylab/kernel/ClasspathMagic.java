package org.lotterylab.kernel;

import io.github.spencerpark.jupyter.kernel.util.GlobFinder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code %classpath PATH|GLOB ...} (alias {@code %jars}): adds jars or class folders to the
 * snippets' class path. A leading {@code ~} means the home folder; relative paths are relative to
 * the kernel's working folder (the notebook's folder).
 */
final class ClasspathMagic implements LineMagic {

    private final KernelClassPath classPath;

    ClasspathMagic(KernelClassPath classPath) {
        this.classPath = classPath;
    }

    @Override
    public void run(String arguments) throws MagicException, IOException {
        List<String> patterns = MagicArguments.split(arguments);
        if (patterns.isEmpty()) {
            throw new MagicException("%classpath needs a jar, a class folder or a glob such as lib/*.jar");
        }
        List<Path> entries = new ArrayList<>();
        for (String pattern : patterns) {
            entries.addAll(expand(pattern.replaceFirst("^~(?=/|$)", System.getProperty("user.home"))));
        }
        classPath.add(entries);
        entries.forEach(entry -> System.out.println("Added to the class path: " + entry));
    }

    private static List<Path> expand(String pattern) throws MagicException, IOException {
        List<Path> matches = new ArrayList<>();
        if (pattern.matches(".*[*?\\[{].*")) {
            new GlobFinder(pattern).computeMatchingFiles().forEach(matches::add);
            if (matches.isEmpty()) {
                throw new MagicException("no file matches " + pattern);
            }
        } else {
            Path path = Path.of(pattern);
            if (!Files.exists(path)) {
                throw new MagicException("no such jar or folder: " + path.toAbsolutePath());
            }
            matches.add(path);
        }
        return matches;
    }
}
