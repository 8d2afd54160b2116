package org.lotterylab.kernel;

import java.nio.file.Path;
import java.util.List;

/** {@code %maven group:artifact:version ...}: adds artifacts and their dependencies to the class path. */
final class MavenMagic implements LineMagic {

    private final MavenResolver resolver;
    private final KernelClassPath classPath;

    MavenMagic(MavenResolver resolver, KernelClassPath classPath) {
        this.resolver = resolver;
        this.classPath = classPath;
    }

    @Override
    public void run(String arguments) throws Exception {
        List<String> coordinates = MagicArguments.split(arguments);
        if (coordinates.isEmpty()) {
            throw new MagicException("%maven needs coordinates group:artifact:version, e.g. %maven org.knowm.xchart:xchart:3.8.8");
        }
        List<Path> jars = resolver.resolve(coordinates);
        classPath.add(jars);
        System.out.println("Resolved " + String.join(" ", coordinates) + ": " + jars.size() + " jar(s) added to the class path");
    }
}
