package md.migratiesigura.portal.article;

import static md.migratiesigura.portal.article.EditorialService.MAX_ALT;
import static md.migratiesigura.portal.article.EditorialService.MAX_BODY;
import static md.migratiesigura.portal.article.EditorialService.MAX_SUMMARY;
import static md.migratiesigura.portal.article.EditorialService.MAX_TAG;
import static md.migratiesigura.portal.article.EditorialService.MAX_TAGS;
import static md.migratiesigura.portal.article.EditorialService.MAX_TITLE;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import md.migratiesigura.portal.article.EditorialProblem.Code;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.media.MediaImage;
import org.hibernate.Session;

/**
 * What an editor's draft must satisfy before anything is written: first what can be seen in the draft alone, then
 * what needs the database (the category and cover exist, the slug is free). Every problem is reported at once.
 */
final class EditorialChecks {

    private static final String IMAGE_ID = "[0-9a-f]{32}";

    private EditorialChecks() {
    }

    /** A draft after checking: trimmed, tags parsed, slug derived; {@code problems} lists what is wrong. */
    static final class Checked {
        final List<EditorialProblem> problems = new ArrayList<>();
        String title;
        String slug;
        String summary;
        String body;
        String categoryKey;
        Set<String> tags = new LinkedHashSet<>();
        LocalDate reviewBy;
        LocalDate reviewed;
        List<ArticleSource> sources = new ArrayList<>();
        String coverImage;
        String coverAlt;
        boolean followsOther;
    }

    /** Everything that can be checked without the database; nothing stops at the first problem. */
    static Checked check(ArticleDraft draft) {
        Checked c = new Checked();
        c.title = text(c, "title", draft.title(), MAX_TITLE, true, false);
        String slug = draft.slug() == null ? "" : draft.slug().strip();
        if (slug.isEmpty() && c.title != null) {
            slug = Slugs.slugify(c.title);
        }
        if (slug.isEmpty()) {
            c.problems.add(new EditorialProblem("slug", Code.REQUIRED, null));
        } else if (!Slugs.isValid(slug)) {
            c.problems.add(new EditorialProblem("slug", Code.SLUG_INVALID, null));
        }
        c.slug = slug;
        c.summary = text(c, "summary", draft.summary(), MAX_SUMMARY, false, true);
        String body = draft.bodyMarkdown() == null ? null : draft.bodyMarkdown().replace("\r\n", "\n").replace('\r', '\n');
        c.body = text(c, "body", body, MAX_BODY, true, true);
        if (c.body != null) {
            // Keep the Markdown as written (leading indentation is meaningful); only trailing blank space goes.
            c.body = body.stripTrailing();
        }
        c.categoryKey = draft.categoryKey() == null || draft.categoryKey().isBlank() ? null : draft.categoryKey().strip();
        String tags = draft.tags() == null ? "" : draft.tags().strip();
        if (!tags.isEmpty()) {
            for (String tag : tags.split("[,\\s]+")) {
                String t = tag.toLowerCase(Locale.ROOT);
                if (t.isEmpty()) {
                    continue;
                }
                if (t.length() > MAX_TAG || !Slugs.VALID.matcher(t).matches()) {
                    c.problems.add(new EditorialProblem("tags", Code.TAG_INVALID,
                            t.length() > 40 ? t.substring(0, 40) + "…" : t));
                } else {
                    c.tags.add(t);
                }
            }
            if (c.tags.size() > MAX_TAGS) {
                c.problems.add(new EditorialProblem("tags", Code.TOO_MANY_TAGS, String.valueOf(MAX_TAGS)));
            }
        }
        c.reviewBy = draft.reviewBy();
        c.reviewed = draft.reviewed();
        checkSources(c, draft.sources());
        String cover = draft.coverImageId() == null ? "" : draft.coverImageId().strip();
        if (!cover.isEmpty()) {
            if (!cover.matches(IMAGE_ID)) {
                c.problems.add(new EditorialProblem("cover", Code.COVER_UNKNOWN, null));
            }
            c.coverImage = cover;
            c.coverAlt = text(c, "coverAlt", draft.coverAlt(), MAX_ALT, false, false);
            if (c.coverAlt == null && c.problems.stream().noneMatch(p -> p.field().equals("coverAlt"))) {
                c.problems.add(new EditorialProblem("coverAlt", Code.COVER_ALT_REQUIRED, null));
            }
        }
        c.followsOther = draft.followsOtherLanguage();
        return c;
    }

    /**
     * Each source needs a title, a publisher, an http(s) address and the date it was consulted; a wholly blank row
     * is left out. Problems name the row as it was sent: {@code source.2.url} is the third row's address.
     */
    private static void checkSources(Checked c, List<ArticleSource> sources) {
        int kept = 0;
        for (int i = 0; i < sources.size(); i++) {
            ArticleSource s = sources.get(i);
            if (blank(s.title()) && blank(s.publisher()) && blank(s.url()) && s.consulted() == null) {
                continue;
            }
            String row = "source." + i + ".";
            String title = text(c, row + "title", s.title(), ArticleSource.MAX_TITLE, true, false);
            String publisher = text(c, row + "publisher", s.publisher(), ArticleSource.MAX_PUBLISHER, true, false);
            String url = s.url() == null ? "" : s.url().strip();
            if (url.isEmpty()) {
                c.problems.add(new EditorialProblem(row + "url", Code.REQUIRED, null));
            } else if (!ArticleSource.isWebAddress(url)) {
                c.problems.add(new EditorialProblem(row + "url", Code.SOURCE_URL_INVALID, null));
            }
            if (s.consulted() == null) {
                c.problems.add(new EditorialProblem(row + "consulted", Code.REQUIRED, null));
            }
            if (++kept == ArticleSource.MAX_SOURCES + 1) {
                c.problems.add(new EditorialProblem("sources", Code.TOO_MANY_SOURCES,
                        String.valueOf(ArticleSource.MAX_SOURCES)));
            }
            if (title != null && publisher != null && ArticleSource.isWebAddress(url) && s.consulted() != null) {
                c.sources.add(new ArticleSource(title, publisher, url, s.consulted()));
            }
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    /** A checked text field: stripped, null when blank; the length is checked before anything reads the whole. */
    private static String text(Checked c, String field, String value, int max, boolean required, boolean multiline) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                c.problems.add(new EditorialProblem(field, Code.REQUIRED, null));
            }
            return null;
        }
        if (v.length() > max) {
            c.problems.add(new EditorialProblem(field, Code.TOO_LONG, String.valueOf(max)));
            return null;
        }
        if (v.indexOf('\uFFFD') >= 0) {
            // What a browser or a decoder leaves of bytes that were not UTF-8.
            c.problems.add(new EditorialProblem(field, Code.BROKEN_CHARACTER, null));
            return null;
        }
        try {
            TextRules.requireCleanText(field, v, multiline);
        } catch (IllegalArgumentException e) {
            c.problems.add(new EditorialProblem(field, e.getMessage().contains("broken")
                    ? Code.BROKEN_CHARACTER : Code.INVISIBLE_CHARACTER, null));
            return null;
        }
        return v;
    }

    static List<EditorialProblem> checkAgainstDatabase(Session session, Checked c, Language language,
                                                       ArticleTranslation current, ArticleKind kind) {
        List<EditorialProblem> problems = new ArrayList<>();
        if (kind == ArticleKind.PAGE) {
            // A page is undated and uncategorized: what an article's form may still send for these is dropped.
            c.categoryKey = null;
            c.tags = new LinkedHashSet<>();
            c.coverImage = null;
            c.coverAlt = null;
            c.reviewBy = null;
            if (ReservedSlugs.isReserved(language, c.slug)) {
                problems.add(new EditorialProblem("slug", Code.SLUG_RESERVED, null));
            }
        }
        if (c.categoryKey != null && session.bySimpleNaturalId(Category.class).load(c.categoryKey) == null) {
            problems.add(new EditorialProblem("category", Code.CATEGORY_UNKNOWN, null));
        }
        if (c.coverImage != null && session.find(MediaImage.class, c.coverImage) == null) {
            problems.add(new EditorialProblem("cover", Code.COVER_UNKNOWN, null));
        }
        Long taken = session.createSelectionQuery(
                        "select t.id from ArticleTranslation t where t.language = :lang and t.slug = :slug", Long.class)
                .setParameter("lang", language)
                .setParameter("slug", c.slug)
                .setMaxResults(1)
                .getSingleResultOrNull();
        if (taken != null && (current == null || !taken.equals(current.getId()))) {
            problems.add(new EditorialProblem("slug", Code.SLUG_TAKEN, null));
        }
        return problems;
    }
}
