package md.migratiesigura.portal.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.content.ContentException;
import md.migratiesigura.portal.content.ContentFiles;
import md.migratiesigura.portal.content.ImportFingerprint;
import md.migratiesigura.portal.content.FrontMatterDocument;
import md.migratiesigura.portal.content.ImportProblem;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.search.SearchOutbox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports the content folder at every start. What is not yet in the database is created; what exists is left as
 * the editors made it. A malformed file is reported with its name, line and reason, and the rest still imports.
 */
public final class ArticleImporter {

    private static final Logger log = LoggerFactory.getLogger(ArticleImporter.class);
    private static final ZoneId ZONE = PortalTime.ZONE;
    static final int MAX_TITLE = 300;
    static final int MAX_SUMMARY = 1000;
    static final int MAX_BODY = 200_000;
    static final int MAX_ARTICLE_KEY = 100;
    static final int MAX_CATEGORY_KEY = 64;

    private final SessionFactory sessionFactory;
    private final MarkdownRenderer markdown;
    private final Clock clock;
    private ImportFingerprint remembered;

    public ArticleImporter(SessionFactory sessionFactory, MarkdownRenderer markdown, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
        this.clock = clock;
    }

    /**
     * Remembers, in {@code state}'s file, what the articles folder and the database looked like after an import
     * without problems: a start that finds both unchanged does not read the files again (see {@link ImportFingerprint}).
     */
    public ArticleImporter rememberingIn(ImportFingerprint state) {
        this.remembered = state;
        return this;
    }

    /** Imports from a folder, or from the content bundled in the jar when none is given. */
    public ImportReport importFrom(Optional<Path> contentDir) {
        if (contentDir.isPresent()) {
            return importFolder(contentDir.get());
        }
        return ContentFiles.withBundledContent(this::importFolder);
    }

    public ImportReport importFolder(Path root) {
        List<ImportProblem> problems = new ArrayList<>();
        int[] counts = new int[2];
        importCategories(root, problems);
        Path articles = root.resolve("articles");
        String before = fingerprint(articles);
        boolean skipped = before != null && remembered.unchanged(before);
        if (skipped) {
            counts[1] = Math.toIntExact(sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                    "select count(a) from Article a where a.kind = :kind", Long.class)
                    .setParameter("kind", ArticleKind.ARTICLE).getSingleResult()));
            log.info("Content import: the articles folder and the database are as the last import left them: the"
                    + " files are not read again");
        } else if (Files.isDirectory(articles)) {
            // Articles already in the database stay as the editors made them, except for a newer review of their
            // sources (see updateReviews).
            Set<String> existing = new HashSet<>(sessionFactory.fromTransaction(session ->
                    session.createSelectionQuery("select a.key from Article a", String.class).getResultList()));
            for (Path folder : sortedChildren(articles)) {
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                if (existing.contains(folder.getFileName().toString().replace("/", ""))) {
                    counts[1]++;
                    updateReviews(root, folder, problems);
                } else {
                    importArticle(root, folder, problems, counts);
                }
            }
        }
        ImportReport report = new ImportReport(counts[0], counts[1], problems);
        if (remembered != null && !skipped) {
            String after = problems.isEmpty() ? fingerprint(articles) : null;
            if (after != null) {
                remembered.remember(after);
            } else {
                remembered.forget();
            }
        }
        log.info("Content import: {} article(s) created, {} already present, {} problem(s)",
                report.created(), report.unchanged(), problems.size());
        problems.forEach(p -> log.warn("Content not imported: {}", p));
        return report;
    }

    /** The articles folder's and the database's articles' (not pages') fingerprint; null without a state file. */
    private String fingerprint(Path articles) {
        if (remembered == null || !Files.isDirectory(articles)) {
            return null;
        }
        try {
            String database = sessionFactory.fromTransaction(session -> String.valueOf(Arrays.asList(
                    session.createSelectionQuery("select count(a), max(a.id), max(a.updatedAt) from Article a"
                            + " where a.kind = :kind", Object[].class).setParameter("kind", ArticleKind.ARTICLE)
                            .getSingleResult()))
                    + Arrays.asList(session.createSelectionQuery("select count(t), max(t.id), max(t.updatedAt),"
                            + " max(t.reviewed) from ArticleTranslation t where t.article.kind = :kind", Object[].class)
                            .setParameter("kind", ArticleKind.ARTICLE).getSingleResult()));
            return remembered.take(articles, database);
        } catch (IOException | RuntimeException e) {
            log.warn("Content import: cannot take the fingerprint of {} ({}); importing in full", articles, e.toString());
            return null;
        }
    }

    private void importCategories(Path root, List<ImportProblem> problems) {
        Path file = root.resolve("categories.yml");
        if (!Files.exists(file)) {
            return;
        }
        String name = root.relativize(file).toString();
        List<CategoryDef> definitions = new ArrayList<>();
        try {
            Object loaded = FrontMatterDocument.newYaml().load(ContentFiles.readUtf8(file));
            if (!(loaded instanceof List<?> list)) {
                throw new ContentException(1, "expected a list of '- key: …' entries");
            }
            int position = 0;
            for (Object item : list) {
                if (!(item instanceof Map<?, ?> map)) {
                    throw new ContentException(0, "entry " + (position + 1) + " is not a 'key/ro/ru' mapping");
                }
                String key = String.valueOf(map.get("key"));
                if (!Slugs.isValid(key) || key.length() > MAX_CATEGORY_KEY) {
                    throw new ContentException(0, "entry " + (position + 1) + ": key '" + key
                            + "' must be lowercase ASCII words joined by '-', at most " + MAX_CATEGORY_KEY + " characters");
                }
                definitions.add(new CategoryDef(key, requiredText(map, "ro", 200), requiredText(map, "ru", 200), position++));
            }
        } catch (ContentException e) {
            problems.add(new ImportProblem(name, e.line(), e.getMessage()));
            return;
        } catch (IOException e) {
            problems.add(new ImportProblem(name, 0, e.getMessage()));
            return;
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(name, 0, "invalid YAML: " + e.getMessage()));
            return;
        }
        try {
            sessionFactory.inTransaction(session -> {
                for (CategoryDef def : definitions) {
                    if (session.bySimpleNaturalId(Category.class).load(def.key()) == null) {
                        session.persist(new Category(def.key(), def.ro(), def.ru(), def.position()));
                    }
                }
            });
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(name, 0, "could not be saved: " + e.getMessage()));
        }
    }

    private record CategoryDef(String key, String ro, String ru, int position) {
    }

    private void importArticle(Path root, Path folder, List<ImportProblem> problems, int[] counts) {
        String key = folder.getFileName().toString().replace("/", "");
        String folderName = root.relativize(folder).toString();
        if (!Slugs.isValid(key) || key.length() > MAX_ARTICLE_KEY) {
            problems.add(new ImportProblem(folderName, 0, "the folder name is the article key and must be lowercase ASCII"
                    + " words joined by '-', at most " + MAX_ARTICLE_KEY + " characters"));
            return;
        }
        List<ArticleFile> files = new ArrayList<>();
        for (Language language : Language.values()) {
            Path file = folder.resolve(language.code() + ".md");
            if (!Files.exists(file)) {
                continue;
            }
            String name = root.relativize(file).toString();
            try {
                files.add(ArticleFile.parse(language, ContentFiles.readUtf8(file), clock.instant()));
            } catch (ContentException e) {
                problems.add(new ImportProblem(name, e.line(), e.getMessage()));
                return;
            } catch (IOException e) {
                problems.add(new ImportProblem(name, 0, e.getMessage()));
                return;
            }
        }
        if (files.isEmpty()) {
            problems.add(new ImportProblem(folderName, 0, "no ro.md or ru.md inside"));
            return;
        }
        for (ArticleFile file : files) {
            if (!Objects.equals(file.category(), files.get(0).category())) {
                problems.add(new ImportProblem(folderName + "/" + file.language().code() + ".md", 0,
                        "category '" + file.category() + "' differs from '" + files.get(0).category()
                                + "' in the other language: one article has one category"));
                return;
            }
        }
        try {
            boolean created = sessionFactory.fromTransaction(session -> createIfMissing(session, key, files));
            counts[created ? 0 : 1]++;
        } catch (ContentException e) {
            problems.add(new ImportProblem(folderName, e.line(), e.getMessage()));
        } catch (RuntimeException e) {
            // The transaction was rolled back: nothing of this article is half-saved.
            problems.add(new ImportProblem(folderName, 0, "could not be saved: " + e.getMessage()));
        }
    }

    /**
     * For an article already in the database: a language file whose {@code reviewed} date is later than the one
     * saved brings its sources, {@code reviewed} and {@code review_by} in, with a revision; everything else the
     * editors wrote stays. A file reviewed on the same day or earlier changes nothing.
     */
    private void updateReviews(Path root, Path folder, List<ImportProblem> problems) {
        String key = folder.getFileName().toString().replace("/", "");
        List<ArticleFile> files = new ArrayList<>();
        for (Language language : Language.values()) {
            Path file = folder.resolve(language.code() + ".md");
            if (!Files.exists(file)) {
                continue;
            }
            try {
                ArticleFile parsed = ArticleFile.parse(language, ContentFiles.readUtf8(file), clock.instant());
                if (parsed.reviewed() != null) {
                    files.add(parsed);
                }
            } catch (ContentException e) {
                problems.add(new ImportProblem(root.relativize(file).toString(), e.line(), e.getMessage()));
            } catch (IOException e) {
                problems.add(new ImportProblem(root.relativize(file).toString(), 0, e.getMessage()));
            }
        }
        if (files.isEmpty()) {
            return;
        }
        try {
            sessionFactory.inTransaction(session -> {
                Article article = session.bySimpleNaturalId(Article.class).load(key);
                Instant now = clock.instant();
                boolean changed = false;
                for (ArticleFile file : files) {
                    ArticleTranslation t = article == null ? null : article.translation(file.language()).orElse(null);
                    if (t == null || (t.getReviewed() != null && !file.reviewed().isAfter(t.getReviewed()))) {
                        continue;
                    }
                    t.setReview(file.reviewed(), file.sources());
                    t.write(t.getTitle(), t.getSlug(), t.getSummary(), t.getBodyMarkdown(), t.getBodyHtml(),
                            t.getReadingMinutes(), new LinkedHashSet<>(t.getTags()), file.reviewBy(), now);
                    TranslationWriter.addRevision(session, t, RevisionAction.REVIEW_IMPORTED, null, now);
                    changed = true;
                }
                if (changed) {
                    SearchOutbox.changed(session, ArticleSearchSource.TYPE, key, now);
                }
            });
        } catch (RuntimeException e) {
            problems.add(new ImportProblem(root.relativize(folder).toString(), 0, "could not be saved: " + e.getMessage()));
        }
    }

    private boolean createIfMissing(Session session, String key, List<ArticleFile> files) {
        if (session.bySimpleNaturalId(Article.class).load(key) != null) {
            return false;
        }
        String categoryKey = files.get(0).category();
        Category category = null;
        if (categoryKey != null) {
            category = session.bySimpleNaturalId(Category.class).load(categoryKey);
            if (category == null) {
                throw new ContentException(0, "category '" + categoryKey + "' is not in categories.yml");
            }
        }
        Instant now = clock.instant();
        Article article = new Article(key, category, now);
        for (ArticleFile file : files) {
            if (slugTaken(session, file.language(), file.slug())) {
                throw new ContentException(0, file.language().code() + ".md: slug '" + file.slug()
                        + "' is already used by another article");
            }
            ArticleTranslation translation = new ArticleTranslation(article, file.language(), now);
            String plain = markdown.toPlainText(file.body());
            translation.write(file.title(), file.slug(), file.summary(), file.body(), markdown.toHtml(file.body()),
                    MarkdownRenderer.readingMinutes(plain), file.tags(), file.reviewBy(), now);
            translation.setReview(file.reviewed(), file.sources());
            translation.setPublication(file.status(), file.publishedAt());
            article.addTranslation(translation);
        }
        session.persist(article);
        SearchOutbox.changed(session, ArticleSearchSource.TYPE, key, now);
        return true;
    }

    /** One parsed language file of an article. */
    record ArticleFile(Language language, String title, String slug, String summary, String category,
                       Set<String> tags, ArticleStatus status, Instant publishedAt, LocalDate reviewBy,
                       LocalDate reviewed, List<ArticleSource> sources, String body) {

        static ArticleFile parse(Language language, String text, Instant now) {
            FrontMatterDocument doc = FrontMatterDocument.parse(text);
            Map<String, Object> f = doc.fields();
            String title = requiredText(f, "title", MAX_TITLE);
            String summary = optionalText(f, "summary", MAX_SUMMARY);
            String category = f.get("category") == null ? null : String.valueOf(f.get("category"));
            String slug = f.get("slug") == null ? Slugs.slugify(title) : String.valueOf(f.get("slug"));
            if (!Slugs.isValid(slug)) {
                throw new ContentException(0, "slug '" + slug + "' must be lowercase ASCII words joined by '-', at most "
                        + Slugs.MAX_LENGTH + " characters");
            }
            Set<String> tags = new LinkedHashSet<>();
            Object rawTags = f.get("tags");
            if (rawTags instanceof Collection<?> list) {
                for (Object tag : list) {
                    String t = String.valueOf(tag);
                    if (!Slugs.isValid(t) || t.length() > 64) {
                        throw new ContentException(0, "tag '" + t + "' must be lowercase ASCII words joined by '-'");
                    }
                    tags.add(t);
                }
            } else if (rawTags != null) {
                throw new ContentException(0, "tags must be a list such as [contract, agentie]");
            }
            Instant publishedAt = instant(f.get("published"), "published");
            ArticleStatus status = publishedAt == null ? ArticleStatus.DRAFT
                    : publishedAt.isAfter(now) ? ArticleStatus.SCHEDULED : ArticleStatus.PUBLISHED;
            Instant reviewInstant = instant(f.get("review_by"), "review_by");
            LocalDate reviewBy = reviewInstant == null ? null : LocalDate.ofInstant(reviewInstant, ZONE);
            LocalDate reviewed = SourcesFrontMatter.date(f.get("reviewed"), "reviewed");
            List<ArticleSource> sources = SourcesFrontMatter.sources(f.get("sources"), text);
            String body = doc.body();
            if (body.length() > MAX_BODY) {
                throw new ContentException(0, "the body is longer than " + MAX_BODY + " characters");
            }
            try {
                TextRules.requireCleanText("body", body, true);
            } catch (IllegalArgumentException e) {
                throw new ContentException(0, e.getMessage());
            }
            return new ArticleFile(language, title, slug, summary, category, tags, status, publishedAt, reviewBy,
                    reviewed, sources, body);
        }
    }

    static String requiredText(Map<?, ?> fields, String name, int max) {
        String value = optionalText(fields, name, max);
        if (value == null) {
            throw new ContentException(0, "'" + name + "' is required");
        }
        return value;
    }

    static String optionalText(Map<?, ?> fields, String name, int max) {
        Object raw = fields.get(name);
        if (raw == null) {
            return null;
        }
        String value = String.valueOf(raw).strip();
        if (value.isEmpty()) {
            return null;
        }
        if (value.length() > max) {
            throw new ContentException(0, "'" + name + "' is longer than " + max + " characters");
        }
        try {
            TextRules.requireCleanText(name, value, false);
        } catch (IllegalArgumentException e) {
            throw new ContentException(0, e.getMessage());
        }
        return value;
    }

    /** A date or date-time in Europe/Chisinau (a bare date is the start of that day). */
    static Instant instant(Object raw, String name) {
        if (raw == null) {
            return null;
        }
        String text = String.valueOf(raw).strip();
        try {
            if (text.length() <= 10) {
                return LocalDate.parse(text).atStartOfDay(ZONE).toInstant();
            }
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(text.replace(' ', 'T')).atZone(ZONE).toInstant();
            }
        } catch (DateTimeParseException e) {
            throw new ContentException(0, "'" + name + "' must be a date like 2025-02-03 or 2025-02-03T10:00, got '" + text + "'");
        }
    }


    /** Whether an article or page already has this slug in this language. */
    static boolean slugTaken(Session session, Language language, String slug) {
        return session.createSelectionQuery(
                        "select t.id from ArticleTranslation t where t.language = :lang and t.slug = :slug", Long.class)
                .setParameter("lang", language)
                .setParameter("slug", slug)
                .setMaxResults(1)
                .getSingleResultOrNull() != null;
    }

    /** The entries of a folder in name order; none when it cannot be read (or does not exist). */
    static List<Path> sortedChildren(Path dir) {
        try (Stream<Path> children = Files.list(dir)) {
            return children.sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Runs the action on the content folder packaged with the application (inside the jar or on disk). */
}
