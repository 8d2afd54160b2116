package org.lotterylab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code %load FILE}: runs a file of Java snippets, as if its text were a cell. */
final class LoadMagic implements LineMagic {

    private final JavaEvaluator java;

    LoadMagic(JavaEvaluator java) {
        this.java = java;
    }

    @Override
    public void run(String arguments) throws CellException, IOException {
        if (arguments.isEmpty()) {
            throw new MagicException("%load needs the path of a file of Java snippets");
        }
        Path file = Path.of(MagicArguments.split(arguments).get(0));
        if (!Files.isRegularFile(file)) {
            throw new MagicException("no such file: " + file.toAbsolutePath());
        }
        java.eval(new CellSource(file.getFileName().toString(), Files.readString(file)));
    }
}
