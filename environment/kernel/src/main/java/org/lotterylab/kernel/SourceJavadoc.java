package org.lotterylab.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;

/**
 * The doc comment of a type or member, read from its class's source file: parsed by javac (no
 * compilation, so the source's own dependencies need not be there).
 */
final class SourceJavadoc {

    private SourceJavadoc() {}

    /**
     * @param type the type that declares the member
     * @param member as {@link DocumentedMember} names it; a method's parameter types pick among overloads
     * @return the doc comment, if the source is there and has one
     */
    static Optional<DocCommentTree> of(Class<?> type, DocumentedMember member) {
        return SourcesJar.sourceOf(type).flatMap(source -> find(source, type, member));
    }

    private static Optional<DocCommentTree> find(String source, Class<?> type, DocumentedMember member) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        JavaFileObject file = new SimpleJavaFileObject(URI.create("string:///" + type.getSimpleName() + ".java"),
                JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) javac.getTask(null, null, diagnostic -> { }, List.of("-proc:none"), null, List.of(file));
        DocTrees trees = DocTrees.instance(task);
        try {
            CompilationUnitTree unit = task.parse().iterator().next();
            return classPath(unit, type).flatMap(path -> memberPath(path, member)).map(trees::getDocCommentTree);
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    // The path to the type's declaration, through the classes that enclose it.
    private static Optional<TreePath> classPath(CompilationUnitTree unit, Class<?> type) {
        Deque<String> names = new ArrayDeque<>();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            names.push(c.getSimpleName());
        }
        TreePath path = new TreePath(unit);
        List<? extends Tree> members = unit.getTypeDecls();
        while (!names.isEmpty()) {
            String name = names.pop();
            Optional<? extends Tree> found = members.stream()
                    .filter(tree -> tree instanceof ClassTree c && c.getSimpleName().contentEquals(name))
                    .findFirst();
            if (found.isEmpty()) {
                return Optional.empty();
            }
            path = new TreePath(path, found.get());
            members = ((ClassTree) found.get()).getMembers();
        }
        return Optional.of(path);
    }

    private static Optional<TreePath> memberPath(TreePath classPath, DocumentedMember member) {
        if (member.member() == null) {
            return Optional.of(classPath);
        }
        ClassTree type = (ClassTree) classPath.getLeaf();
        return type.getMembers().stream()
                .filter(tree -> matches(tree, member))
                .findFirst()
                .map(tree -> new TreePath(classPath, tree));
    }

    private static boolean matches(Tree tree, DocumentedMember member) {
        if (tree instanceof VariableTree field) {
            return member.parameterTypes() == null && field.getName().contentEquals(member.member());
        }
        if (!(tree instanceof MethodTree method) || member.parameterTypes() == null
                || !method.getName().contentEquals(member.member())) {
            return false;
        }
        List<String> types = method.getParameters().stream()
                .map(parameter -> DocumentedMember.simpleTypeName(DocumentedMember.eraseTypeArguments(parameter.getType().toString())))
                .toList();
        return types.equals(member.parameterTypes());
    }
}
