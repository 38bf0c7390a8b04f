package md.migratiesigura.portal.article;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.ContentException;
import md.migratiesigura.portal.content.ContentFiles;
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
 * Imports the content folder's pages ({@code pages/{key}/ro.md}, {@code ru.md}; docs/pages-and-navigation.md): a
 * page whose key is not in the database yet is created, published; one that exists is left as the editors made it.
 * A malformed file is reported with its name, line and reason, and the rest still imports. A page whose front matter
 * names a {@code menu} is handed to the {@link MenuPlacer} in the same transaction.
 */
public class PageImporter {

    private static final Logger log = LoggerFactory.getLogger(PageImporter.class);

    /** Places a newly imported page in the navigation, inside the import's transaction. */
    @FunctionalInterface
    public interface MenuPlacer {
        void place(Session session, String key, Language language, String menu, Integer order);
    }

    private final SessionFactory sessionFactory;
    private final MarkdownRenderer markdown;
    private final MenuPlacer menus;
    private final Clock clock;

    public PageImporter(SessionFactory sessionFactory, MarkdownRenderer markdown, MenuPlacer menus, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
        this.menus = menus;
        this.clock = clock;
    }

    /** Imports from a folder, or from the content bundled in the jar when none is given. */
    public ImportReport importFrom(Optional<Path> contentDir) {
        return contentDir.isPresent() ? importFolder(contentDir.get())
                : ContentFiles.withBundledContent(this::importFolder);
    }

    public ImportReport importFolder(Path root) {
        List<ImportProblem> problems = new ArrayList<>();
        int created = 0;
        int present = 0;
        Path pages = root.resolve("pages");
        for (Path folder : ArticleImporter.sortedChildren(pages)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            String key = folder.getFileName().toString().replace("/", "");
            String folderName = root.relativize(folder).toString();
            if (!Slugs.isValid(key) || key.length() > ArticleImporter.MAX_ARTICLE_KEY) {
                problems.add(new ImportProblem(folderName, 0, "the folder name is the page key and must be lowercase"
                        + " ASCII words joined by '-', at most " + ArticleImporter.MAX_ARTICLE_KEY + " characters"));
                continue;
            }
            List<PageFile> files = new ArrayList<>();
            for (Language language : Language.values()) {
                Path file = folder.resolve(language.code() + ".md");
                if (!Files.exists(file)) {
                    continue;
                }
                try {
                    files.add(PageFile.parse(language, ContentFiles.readUtf8(file)));
                } catch (ContentException e) {
                    problems.add(new ImportProblem(root.relativize(file).toString(), e.line(), e.getMessage()));
                } catch (IOException e) {
                    problems.add(new ImportProblem(root.relativize(file).toString(), 0, e.getMessage()));
                }
            }
            if (files.isEmpty()) {
                problems.add(new ImportProblem(folderName, 0, "no valid ro.md or ru.md inside"));
                continue;
            }
            try {
                if (sessionFactory.fromTransaction(session -> createIfMissing(session, key, files))) {
                    created++;
                } else {
                    present++;
                }
            } catch (ContentException e) {
                problems.add(new ImportProblem(folderName, e.line(), e.getMessage()));
            } catch (RuntimeException e) {
                // The transaction was rolled back: nothing of this page is half-saved.
                problems.add(new ImportProblem(folderName, 0, "could not be saved: " + e.getMessage()));
            }
        }
        ImportReport report = new ImportReport(created, present, problems);
        log.info("Content import: {} page(s) created, {} already present, {} problem(s)", created, present,
                problems.size());
        problems.forEach(p -> log.warn("Content not imported: {}", p));
        return report;
    }

    private boolean createIfMissing(Session session, String key, List<PageFile> files) {
        if (session.bySimpleNaturalId(Article.class).load(key) != null) {
            return false;
        }
        Instant now = clock.instant();
        Article page = Article.page(key, now);
        for (PageFile file : files) {
            if (ArticleImporter.slugTaken(session, file.language(), file.slug())) {
                throw new ContentException(0, file.language().code() + ".md: slug '" + file.slug()
                        + "' is already used by another article or page");
            }
            ArticleTranslation translation = new ArticleTranslation(page, file.language(), now);
            translation.write(file.title(), file.slug(), file.summary(), file.body(), markdown.toHtml(file.body()),
                    MarkdownRenderer.readingMinutes(markdown.toPlainText(file.body())), Set.of(), null, now);
            translation.setPublication(ArticleStatus.PUBLISHED, now);
            translation.setReview(file.reviewed(), file.sources());
            page.addTranslation(translation);
        }
        session.persist(page);
        for (PageFile file : files) {
            if (file.menu() != null) {
                menus.place(session, key, file.language(), file.menu(), file.order());
            }
        }
        SearchOutbox.changed(session, ArticleSearchSource.PAGE_TYPE, key, now);
        return true;
    }

    /** One parsed language file of a page. */
    record PageFile(Language language, String title, String slug, String summary, String menu, Integer order,
                    LocalDate reviewed, List<ArticleSource> sources, String body) {

        static PageFile parse(Language language, String text) {
            FrontMatterDocument doc = FrontMatterDocument.parse(text);
            Map<String, Object> f = doc.fields();
            String title = ArticleImporter.requiredText(f, "title", ArticleImporter.MAX_TITLE);
            String summary = ArticleImporter.optionalText(f, "summary", ArticleImporter.MAX_SUMMARY);
            String slug = ArticleImporter.requiredText(f, "slug", Slugs.MAX_LENGTH);
            if (!Slugs.isValid(slug)) {
                throw new ContentException(0, "slug '" + slug + "' must be lowercase ASCII words joined by '-'");
            }
            if (ReservedSlugs.isReserved(language, slug)) {
                throw new ContentException(0, "slug '" + slug + "' is the start of a fixed address of the portal");
            }
            String menu = ArticleImporter.optionalText(f, "menu", 10);
            if (menu != null && !menu.equals("main") && !menu.equals("footer")) {
                throw new ContentException(0, "menu must be 'main' or 'footer', got '" + menu + "'");
            }
            Object rawOrder = f.get("order");
            Integer order = null;
            if (rawOrder instanceof Integer n) {
                order = n;
            } else if (rawOrder != null) {
                throw new ContentException(0, "order must be a whole number, got '" + rawOrder + "'");
            }
            String body = doc.body();
            if (body.length() > ArticleImporter.MAX_BODY) {
                throw new ContentException(0, "the body is longer than " + ArticleImporter.MAX_BODY + " characters");
            }
            try {
                TextRules.requireCleanText("body", body, true);
            } catch (IllegalArgumentException e) {
                throw new ContentException(0, e.getMessage());
            }
            LocalDate reviewed = SourcesFrontMatter.date(f.get("reviewed"), "reviewed");
            List<ArticleSource> sources = SourcesFrontMatter.sources(f.get("sources"), text);
            return new PageFile(language, title, slug, summary, menu, order, reviewed, sources, body);
        }
    }
}
