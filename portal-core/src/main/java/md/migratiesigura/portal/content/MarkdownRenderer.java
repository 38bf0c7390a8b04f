package md.migratiesigura.portal.content;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.commonmark.Extension;
import org.commonmark.ext.autolink.AutolinkExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.heading.anchor.HeadingAnchorExtension;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.AttributeProvider;
import org.commonmark.renderer.html.HtmlRenderer;
import org.commonmark.renderer.html.UrlSanitizer;
import org.commonmark.renderer.text.TextContentRenderer;

/**
 * CommonMark to safe HTML: raw HTML is escaped, and only http, https, mailto, tel and relative links survive
 * (CommonMark's own sanitizer lets {@code data:} through). Rendering happens when content is saved, never per view.
 */
public final class MarkdownRenderer {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(), AutolinkExtension.create(), HeadingAnchorExtension.create());

    private final Parser parser = Parser.builder().extensions(EXTENSIONS).build();
    private final HtmlRenderer html = HtmlRenderer.builder()
            .extensions(EXTENSIONS)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .urlSanitizer(new SchemeAllowList())
            .attributeProviderFactory(context -> new ExternalLinkAttributes())
            .build();
    private final TextContentRenderer text = TextContentRenderer.builder().extensions(EXTENSIONS).build();

    /** Sanitized HTML for a Markdown body. */
    public String toHtml(String markdown) {
        return html.render(parser.parse(markdown));
    }

    /** The plain text of a Markdown body, for search and reading-time estimates. */
    public String toPlainText(String markdown) {
        return text.render(parser.parse(markdown));
    }

    /** Minutes to read at a calm 180 words a minute, at least one. */
    public static int readingMinutes(String plainText) {
        long words = plainText.isBlank() ? 0 : plainText.trim().split("\\s+").length;
        return (int) Math.max(1, Math.round(words / 180.0));
    }

    /**
     * Links to other sites tell them nothing about where the reader came from; links within the portal stay plain
     * (CommonMark marks every link nofollow once URLs are sanitized).
     */
    private static final class ExternalLinkAttributes implements AttributeProvider {
        @Override
        public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
            if (node instanceof Link) {
                if (attributes.getOrDefault("href", "").matches("(?i)https?:.*")) {
                    attributes.put("rel", "noopener noreferrer nofollow");
                } else {
                    attributes.remove("rel");
                }
            } else if (node instanceof Image) {
                // Images in the text come below the title and the lead: loaded only as the reader gets near them.
                attributes.put("loading", "lazy");
                attributes.put("decoding", "async");
            }
        }
    }

    /** Allows http, https, mailto and tel links and relative ones; images only over http(s) or relative. */
    static final class SchemeAllowList implements UrlSanitizer {
        private static final List<String> LINK_SCHEMES = List.of("http", "https", "mailto", "tel");
        private static final List<String> IMAGE_SCHEMES = List.of("http", "https");

        @Override
        public String sanitizeLinkUrl(String url) {
            return allow(url, LINK_SCHEMES);
        }

        @Override
        public String sanitizeImageUrl(String url) {
            return allow(url, IMAGE_SCHEMES);
        }

        private static String allow(String url, List<String> schemes) {
            // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"): strip them
            // before looking, so that no spelling of a scheme slips through.
            String compact = url.replaceAll("[\\p{Cntrl}\\s\\u00a0\\u200b-\\u200f\\u2028-\\u202e\\ufeff]", "");
            int colon = compact.indexOf(':');
            int firstDelimiter = indexOfAny(compact, "/?#");
            boolean hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
            if (!hasScheme) {
                return url;
            }
            String scheme = compact.substring(0, colon).toLowerCase(Locale.ROOT);
            return schemes.contains(scheme) ? url : "";
        }

        private static int indexOfAny(String s, String chars) {
            for (int i = 0; i < s.length(); i++) {
                if (chars.indexOf(s.charAt(i)) >= 0) {
                    return i;
                }
            }
            return -1;
        }
    }
}
