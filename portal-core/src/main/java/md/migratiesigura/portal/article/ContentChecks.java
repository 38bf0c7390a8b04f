package md.migratiesigura.portal.article;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * Pre-publish checks on an article's Markdown, in the spirit of Wagtail's accessibility checker: what makes a page
 * harder to read or to use with a screen reader. They only warn: the editor decides, nothing is fixed or blocked.
 */
public final class ContentChecks {

    /** Sentences longer than this many words are hard to follow for many readers. */
    public static final int MAX_SENTENCE_WORDS = 35;

    /** Link texts that say nothing about where the link goes, in Romanian, Russian and English. */
    private static final Set<String> VAGUE_LINK_TEXTS = Set.of(
            "aici", "click aici", "clic aici", "apasă aici", "apasa aici", "click", "link", "mai mult", "detalii",
            "здесь", "тут", "нажмите здесь", "нажмите тут", "ссылка", "подробнее", "по ссылке",
            "click here", "here", "more", "read more");

    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’-]*");

    /** What a warning is about. */
    public enum Kind { HEADING_SKIPPED, EMPTY_LINK, VAGUE_LINK_TEXT, IMAGE_WITHOUT_ALT, LONG_SENTENCE }

    /**
     * One warning: its kind and a short detail to show (the headings, the link address or text, the image address,
     * the sentence's beginning and word count).
     */
    public record Warning(Kind kind, String detail) implements Serializable {
    }

    private final Parser parser = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    /** Warnings for a Markdown body, in the order they appear; empty when there is nothing to say. */
    public List<Warning> check(String markdown) {
        if (markdown == null || markdown.isBlank()) {
            return List.of();
        }
        Collector collector = new Collector();
        parser.parse(markdown).accept(collector);
        return List.copyOf(collector.warnings);
    }

    private static final class Collector extends AbstractVisitor {

        private final List<Warning> warnings = new ArrayList<>();
        /** The page title is the h1: the body's headings start at level 2. */
        private int previousLevel = 1;

        @Override
        public void visit(Heading heading) {
            if (heading.getLevel() > previousLevel + 1) {
                warnings.add(new Warning(Kind.HEADING_SKIPPED,
                        "#".repeat(previousLevel) + " → " + "#".repeat(heading.getLevel()) + " " + text(heading)));
            }
            previousLevel = heading.getLevel();
            visitChildren(heading);
        }

        @Override
        public void visit(Link link) {
            String text = text(link).strip();
            boolean hasImage = hasChild(link, Image.class);
            if (text.isEmpty() && !hasImage) {
                warnings.add(new Warning(Kind.EMPTY_LINK, link.getDestination()));
            } else if (VAGUE_LINK_TEXTS.contains(normalise(text))) {
                warnings.add(new Warning(Kind.VAGUE_LINK_TEXT, text));
            }
            visitChildren(link);
        }

        @Override
        public void visit(Image image) {
            if (text(image).isBlank()) {
                warnings.add(new Warning(Kind.IMAGE_WITHOUT_ALT, image.getDestination()));
            }
        }

        @Override
        public void visit(Paragraph paragraph) {
            for (String sentence : SENTENCE_END.split(text(paragraph).replaceAll("\\s+", " ").strip())) {
                long words = WORD.matcher(sentence).results().count();
                if (words > MAX_SENTENCE_WORDS) {
                    warnings.add(new Warning(Kind.LONG_SENTENCE, beginning(sentence) + " (" + words + ")"));
                }
            }
            visitChildren(paragraph);
        }

        private static String normalise(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[\\s\\p{Punct}«»„”“…]+", " ").strip();
        }

        private static String beginning(String sentence) {
            String[] words = sentence.split(" ");
            return words.length <= 8 ? sentence : String.join(" ", List.of(words).subList(0, 8)) + " …";
        }

        private static boolean hasChild(Node node, Class<? extends Node> type) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (type.isInstance(child) || hasChild(child, type)) {
                    return true;
                }
            }
            return false;
        }

        /** The plain text inside a node: text and code spans, line breaks as spaces. */
        private static String text(Node node) {
            StringBuilder sb = new StringBuilder();
            node.accept(new AbstractVisitor() {
                @Override
                public void visit(Text text) {
                    sb.append(text.getLiteral());
                }

                @Override
                public void visit(Code code) {
                    sb.append(code.getLiteral());
                }

                @Override
                public void visit(SoftLineBreak lineBreak) {
                    sb.append(' ');
                }

                @Override
                public void visit(HardLineBreak lineBreak) {
                    sb.append(' ');
                }
            });
            return sb.toString();
        }
    }
}
