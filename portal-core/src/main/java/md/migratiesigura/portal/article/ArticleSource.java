package md.migratiesigura.portal.article;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One source of a language version's facts: what it is, who publishes it, where it is and when an editor consulted
 * it. The importer and the editor check sources with the same rules ({@link #isWebAddress}, the lengths here).
 */
@Embeddable
public record ArticleSource(
        @Column(name = "title", nullable = false) String title,
        @Column(name = "publisher", nullable = false) String publisher,
        @Column(name = "url", nullable = false) String url,
        @Column(name = "consulted", nullable = false) LocalDate consulted) implements Serializable {

    public static final int MAX_TITLE = 300;
    public static final int MAX_PUBLISHER = 300;
    public static final int MAX_URL = 2000;
    /** More than any article cites; a limit so that a form cannot grow without end. */
    public static final int MAX_SOURCES = 40;

    /** An absolute http or https address with a host, in ASCII (an address with other letters must be encoded). */
    public static boolean isWebAddress(String url) {
        if (url == null || url.isEmpty() || url.length() > MAX_URL || !url.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The sources as revisions keep them: one a line, {@code consulted}, url, publisher and title separated by tabs. */
    static String toLines(List<ArticleSource> sources) {
        if (sources.isEmpty()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        for (ArticleSource s : sources) {
            text.append(s.consulted()).append('\t').append(s.url()).append('\t').append(s.publisher()).append('\t')
                    .append(s.title()).append('\n');
        }
        return text.toString();
    }

    /** Reads what {@link #toLines} wrote; a line that is not four fields with a date first is left out. */
    static List<ArticleSource> fromLines(String text) {
        List<ArticleSource> sources = new ArrayList<>();
        if (text == null) {
            return sources;
        }
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 4);
            if (parts.length == 4) {
                try {
                    sources.add(new ArticleSource(parts[3], parts[2], parts[1], LocalDate.parse(parts[0])));
                } catch (DateTimeParseException e) {
                    // Not written by toLines: skipped rather than failing the whole history.
                }
            }
        }
        return sources;
    }
}
