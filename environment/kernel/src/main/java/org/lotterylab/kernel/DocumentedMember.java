package org.lotterylab.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a signature of JShell's documentation names: a type, or a member of one. JShell writes
 * {@code Pruner Prune.magnitude()}, {@code V HashMap<K, V>.put(K key, V value)},
 * {@code HashMap<K, V>(int initialCapacity)} for a constructor, {@code Math.PI:double} for a field
 * and {@code java.util.Map.Entry<K, V>} for a type.
 *
 * @param owner the type as written, simple or qualified, without type arguments
 * @param member the method or field name, {@link #CONSTRUCTOR}, or {@code null} for the type itself
 * @param parameterTypes the simple names of the parameters' erased types ({@code int[]} for
 *        varargs), or {@code null} for a field or type
 */
record DocumentedMember(String owner, String member, List<String> parameterTypes) {

    /** The member name of a constructor. */
    static final String CONSTRUCTOR = "<init>";

    /**
     * @param signature a signature from {@code SourceCodeAnalysis.documentation}
     * @return what it names; empty for a variable of the notebook ({@code x:int}) or text not understood
     */
    static Optional<DocumentedMember> parse(String signature) {
        String plain = eraseTypeArguments(signature).strip();
        int open = plain.indexOf('(');
        if (open >= 0) {
            String[] words = plain.substring(0, open).strip().split("\\s+");
            String name = words[words.length - 1];
            List<String> parameters = parameterTypes(plain.substring(open + 1, Math.max(open + 1, plain.lastIndexOf(')'))));
            int dot = name.lastIndexOf('.');
            return Optional.of(dot < 0
                    ? new DocumentedMember(name, CONSTRUCTOR, parameters)
                    : new DocumentedMember(name.substring(0, dot), name.substring(dot + 1), parameters));
        }
        int colon = plain.indexOf(':');
        if (colon >= 0) {
            String name = plain.substring(0, colon).strip();
            int dot = name.lastIndexOf('.');
            return dot < 0 ? Optional.empty() : Optional.of(new DocumentedMember(name.substring(0, dot), name.substring(dot + 1), null));
        }
        return plain.isEmpty() || plain.contains(" ") ? Optional.empty() : Optional.of(new DocumentedMember(plain, null, null));
    }

    /** @return the text without any {@code <...>}, nested ones included */
    static String eraseTypeArguments(String text) {
        StringBuilder erased = new StringBuilder();
        int depth = 0;
        for (char c : text.toCharArray()) {
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth = Math.max(0, depth - 1);
            } else if (depth == 0) {
                erased.append(c);
            }
        }
        return erased.toString();
    }

    /**
     * @param type a type as source or a signature writes it, type arguments erased
     * @return its simple name, e.g. {@code Net} for {@code org.lotterylab.nn.Net}, {@code int[]} for {@code int...}
     */
    static String simpleTypeName(String type) {
        String name = type.strip().replace("...", "[]").replace(" ", "");
        return name.substring(name.lastIndexOf('.', name.indexOf('[') < 0 ? name.length() : name.indexOf('[')) + 1);
    }

    private static List<String> parameterTypes(String list) {
        List<String> types = new ArrayList<>();
        for (String parameter : list.split(",")) {
            // "int a", or "int" alone when the class file keeps no parameter names
            String[] words = parameter.strip().split("\\s+");
            if (!words[0].isEmpty()) {
                types.add(simpleTypeName(words[0]));
            }
        }
        return types;
    }
}
