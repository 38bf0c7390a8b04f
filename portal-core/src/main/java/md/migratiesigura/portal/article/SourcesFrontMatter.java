package md.migratiesigura.portal.article;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import md.migratiesigura.portal.content.ContentException;

/** The {@code sources:} and date fields of an article's or a page's front matter, read with the line of a mistake. */
final class SourcesFrontMatter {

    private SourcesFrontMatter() {
    }

    /**
     * {@code sources:} as a list of title, publisher, url (http or https) and consulted (a date); a bad entry
     * is reported with the line where it starts.
     */
    static List<ArticleSource> sources(Object raw, String text) {
        List<ArticleSource> sources = new ArrayList<>();
        if (raw == null) {
            return sources;
        }
        int listLine = lineOf(text, "sources:", 0);
        if (!(raw instanceof List<?> list)) {
            throw new ContentException(listLine, "sources must be a list of entries with title, publisher, url"
                    + " and consulted");
        }
        if (list.size() > ArticleSource.MAX_SOURCES) {
            throw new ContentException(listLine, "at most " + ArticleSource.MAX_SOURCES + " sources");
        }
        int entryLine = listLine;
        for (int i = 0; i < list.size(); i++) {
            entryLine = lineOf(text, "- ", entryLine);
            String which = "source " + (i + 1) + ": ";
            if (!(list.get(i) instanceof Map<?, ?> entry)) {
                throw new ContentException(entryLine, which + "expected title, publisher, url and consulted");
            }
            try {
                String title = ArticleImporter.requiredText(entry, "title", ArticleSource.MAX_TITLE);
                String publisher = ArticleImporter.requiredText(entry, "publisher", ArticleSource.MAX_PUBLISHER);
                String url = ArticleImporter.requiredText(entry, "url", ArticleSource.MAX_URL);
                if (!ArticleSource.isWebAddress(url)) {
                    throw new ContentException(0, "url '" + url + "' must be an http:// or https:// address");
                }
                LocalDate consulted = date(entry.get("consulted"), "consulted");
                if (consulted == null) {
                    throw new ContentException(0, "'consulted' is required");
                }
                sources.add(new ArticleSource(title, publisher, url, consulted));
            } catch (ContentException e) {
                throw new ContentException(entryLine, which + e.getMessage());
            }
        }
        return sources;
    }

    /** A plain date such as 2026-12-06, or null when absent. */
    static LocalDate date(Object raw, String name) {
        if (raw == null) {
            return null;
        }
        String value = String.valueOf(raw).strip();
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ContentException(0, "'" + name + "' must be a date like 2025-02-03, got '"
                    + (value.length() > 40 ? value.substring(0, 40) + "…" : value) + "'");
        }
    }

    /** The 1-based line after {@code afterLine} whose text, without leading spaces, starts so; 0 if none. */
    private static int lineOf(String text, String start, int afterLine) {
        String[] lines = text.split("\n", -1);
        for (int i = afterLine; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith(start)) {
                return i + 1;
            }
        }
        return 0;
    }
}
