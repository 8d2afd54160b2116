package org.lotterylab.kernel;

import java.util.List;
import java.util.Optional;
import jdk.jshell.SourceCodeAnalysis.Documentation;

/**
 * The Javadoc for a signature JShell documents. JShell reads Javadoc only from the JDK's own
 * {@code src.zip} (Debian's {@code openjdk-17-source}); for every other class — the library's,
 * or a jar added to the notebook — the doc comment is read from the {@code -sources.jar} beside
 * the class's jar ({@link SourcesJar}).
 */
final class Javadocs {

    private final JavaEvaluator java;

    /**
     * @param java whose class loader and imports resolve the types signatures name
     */
    Javadocs(JavaEvaluator java) {
        this.java = java;
    }

    /**
     * @param doc JShell's documentation of one signature, with its Javadoc if JShell found it
     * @param full the whole comment with parameters and return value, or only its first sentence
     * @return the Javadoc as text; empty when there is none to be found
     */
    Optional<String> of(Documentation doc, boolean full) {
        if (doc.javadoc() != null && !doc.javadoc().isBlank()) {
            return Optional.of(full ? doc.javadoc().strip() : DocText.firstSentence(doc.javadoc()));
        }
        return DocumentedMember.parse(doc.signature())
                .flatMap(member -> resolve(member.owner())
                        .flatMap(type -> SourceJavadoc.of(type, member)))
                .map(comment -> full ? DocText.full(comment) : DocText.summary(comment))
                .filter(text -> !text.isBlank());
    }

    // A signature names its type as the code did: qualified, or simple and imported.
    private Optional<Class<?>> resolve(String owner) {
        return load(owner).or(() -> qualifiedName(owner).flatMap(this::load));
    }

    /** @return the qualified name JShell's imports give a simple type name, e.g. org.lotterylab.prune.Prune */
    private Optional<String> qualifiedName(String simpleName) {
        List<Documentation> docs = java.analysis().documentation(simpleName, simpleName.length(), false);
        return docs.stream()
                .map(doc -> DocumentedMember.eraseTypeArguments(doc.signature()).strip())
                .filter(name -> name.contains(".") && !name.contains("(") && !name.contains(":") && !name.contains(" "))
                .findFirst();
    }

    // A nested class's binary name has '$' where its source name has '.': try from the right.
    private Optional<Class<?>> load(String sourceName) {
        String name = sourceName;
        while (true) {
            try {
                return Optional.of(Class.forName(name, false, java.snippetLoader()));
            } catch (ClassNotFoundException | LinkageError notThisOne) {
                int dot = name.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                name = name.substring(0, dot) + "$" + name.substring(dot + 1);
            }
        }
    }
}
