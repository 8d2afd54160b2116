package org.lotterylab.kernel;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.ThrowsTree;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Javadoc as the plain text a notebook's tooltip shows: {@code {@code x}} as {@code x}, a link as
 * its label or target, paragraphs as blank lines, other HTML dropped; the block tags as
 * "Parameters:", "Returns:" and "Throws:" lines.
 */
final class DocText {

    private static final Map<String, String> ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "nbsp", " ", "quot", "\"");

    private DocText() {}

    /**
     * @param doc a doc comment
     * @return its first sentence on one line
     */
    static String summary(DocCommentTree doc) {
        return oneLine(text(doc.getFirstSentence()));
    }

    /**
     * @param doc a doc comment
     * @return its whole text, then its parameters, return value and exceptions
     */
    static String full(DocCommentTree doc) {
        StringBuilder out = new StringBuilder(text(doc.getFullBody()).strip());
        String parameters = "\nParameters:";
        for (DocTree tag : doc.getBlockTags()) {
            switch (tag.getKind()) {
                case PARAM -> {
                    ParamTree param = (ParamTree) tag;
                    out.append(parameters).append("\n  ").append(param.getName()).append(" – ").append(oneLine(text(param.getDescription())));
                    parameters = "";
                }
                case RETURN -> out.append("\nReturns: ").append(oneLine(text(((ReturnTree) tag).getDescription())));
                case THROWS, EXCEPTION -> {
                    ThrowsTree thrown = (ThrowsTree) tag;
                    out.append("\nThrows: ").append(thrown.getExceptionName()).append(" – ").append(oneLine(text(thrown.getDescription())));
                }
                default -> { } // @see, @since and the like say nothing a tooltip needs
            }
        }
        return out.toString();
    }

    /**
     * @param javadoc Javadoc already as text (as JShell gives it for the JDK's classes)
     * @return its first sentence on one line
     */
    static String firstSentence(String javadoc) {
        String paragraph = javadoc.strip().split("\\n\\s*\\n", 2)[0];
        BreakIterator sentences = BreakIterator.getSentenceInstance(Locale.ROOT);
        sentences.setText(paragraph);
        int end = sentences.next();
        return oneLine(end == BreakIterator.DONE ? paragraph : paragraph.substring(0, end));
    }

    private static String text(List<? extends DocTree> trees) {
        StringBuilder out = new StringBuilder();
        for (DocTree tree : trees) {
            out.append(switch (tree.getKind()) {
                case TEXT -> ((TextTree) tree).getBody();
                case CODE, LITERAL -> ((LiteralTree) tree).getBody().getBody();
                case LINK, LINK_PLAIN -> link((LinkTree) tree);
                case ENTITY -> ENTITIES.getOrDefault(((EntityTree) tree).getName().toString(), "");
                case START_ELEMENT -> element(((StartElementTree) tree).getName().toString());
                case END_ELEMENT -> "";
                default -> tree.toString();
            });
        }
        return out.toString();
    }

    private static String link(LinkTree link) {
        return link.getLabel().isEmpty()
                ? link.getReference().getSignature().replaceFirst("^#", "").replace('#', '.')
                : text(link.getLabel());
    }

    private static String element(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "p" -> "\n\n";
            case "li" -> "\n- ";
            case "br" -> "\n";
            default -> "";
        };
    }

    private static String oneLine(String text) {
        return text.strip().replaceAll("\\s+", " ");
    }
}
