package md.migratiesigura.portal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import md.migratiesigura.portal.ContentFolder;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.ImportFingerprint;
import md.migratiesigura.portal.content.ImportProblem;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleImporterTest {

    /** 15 January 2026, 12:00 in Chisinau. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dataDir;

    @TempDir
    Path contentDir;

    private Database db;

    @BeforeEach
    void openDatabase() {
        db = Database.open(TestDatabases.newConfig(dataDir));
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private ImportReport importFolder(Clock clock) {
        return new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), clock).importFrom(Optional.of(contentDir));
    }

    private ImportReport importFolder() {
        return importFolder(CLOCK);
    }

    /** What the database holds for one language of an article, read in a session of its own. */
    record Stored(String title, String slug, String summary, ArticleStatus status, Instant publishedAt,
                  String categoryKey, Set<String> tags, String bodyHtml) {
    }

    private Stored stored(String key, Language language) {
        return db.sessionFactory().fromTransaction(session -> {
            ArticleTranslation t = session.createSelectionQuery(
                            "from ArticleTranslation t join fetch t.article a left join fetch a.category"
                                    + " where a.key = :key and t.language = :lang", ArticleTranslation.class)
                    .setParameter("key", key)
                    .setParameter("lang", language)
                    .getSingleResultOrNull();
            if (t == null) {
                return null;
            }
            var category = t.getArticle().getCategory();
            return new Stored(t.getTitle(), t.getSlug(), t.getSummary(), t.getStatus(), t.getPublishedAt(),
                    category == null ? null : category.getKey(), Set.copyOf(t.getTags()), t.getBodyHtml());
        });
    }

    private long count(String entity) {
        return db.sessionFactory().fromTransaction(session ->
                session.createSelectionQuery("select count(x) from " + entity + " x", Long.class).getSingleResult());
    }

    /** Three articles: one published in both languages, one scheduled in both, one Romanian draft. */
    private ContentFolder smallFolder() {
        return ContentFolder.at(contentDir)
                .article("verificare-oferta-munca", "ro", """
                        title: "Cum verifici o ofertă de muncă"
                        summary: "Șase semne că oferta de muncă din străinătate e o capcană."
                        category: munca
                        tags: [oferta, recrutare]
                        published: 2025-11-05
                        """, "## Semnele\n\nO ofertă prea bună ca să fie adevărată **nu este**.\n")
                .article("verificare-oferta-munca", "ru", """
                        title: "Как проверить предложение о работе"
                        category: munca
                        tags: [oferta]
                        published: 2025-11-05
                        """, "Шесть признаков ловушки.\n")
                .article("ghid-polonia", "ro", """
                        title: Ghid nou pentru Polonia
                        category: documente
                        published: 2026-03-01
                        """, "În curând.\n")
                .article("ghid-polonia", "ru", """
                        title: Новый путеводитель по Польше
                        category: documente
                        published: 2026-03-01
                        """, "Скоро.\n")
                .article("ciorna", "ro", """
                        title: Ciornă nepublicată
                        """, "Încă lucrăm la ea.\n");
    }

    @Test
    void importCreatesEachArticleWithItsSlugTitleAndCategory() {
        smallFolder();

        ImportReport report = importFolder();

        assertEquals(List.of(), report.problems());
        assertEquals(3, report.created());
        assertEquals(0, report.unchanged());
        assertEquals(3, count("Article"));
        assertEquals(5, count("ArticleTranslation"));
        assertEquals(2, count("Category"));

        Stored ro = stored("verificare-oferta-munca", Language.RO);
        assertEquals("Cum verifici o ofertă de muncă", ro.title());
        assertEquals("cum-verifici-o-oferta-de-munca", ro.slug(), "the slug comes from the title");
        assertEquals("Șase semne că oferta de muncă din străinătate e o capcană.", ro.summary());
        assertEquals("munca", ro.categoryKey());
        assertEquals(Set.of("oferta", "recrutare"), ro.tags());
        assertTrue(ro.bodyHtml().contains("<strong>nu este</strong>"), "the body is stored rendered: " + ro.bodyHtml());

        Stored ru = stored("verificare-oferta-munca", Language.RU);
        assertEquals("Как проверить предложение о работе", ru.title());
        assertEquals("kak-proverit-predlozhenie-o-rabote", ru.slug());
    }

    @Test
    void pastDateIsPublishedFutureDateIsScheduledNoDateIsDraft() {
        smallFolder();

        importFolder();

        Stored published = stored("verificare-oferta-munca", Language.RO);
        assertEquals(ArticleStatus.PUBLISHED, published.status());
        assertEquals(Instant.parse("2025-11-04T22:00:00Z"), published.publishedAt(), "midnight in Chisinau (UTC+2)");

        Stored scheduled = stored("ghid-polonia", Language.RU);
        assertEquals(ArticleStatus.SCHEDULED, scheduled.status());
        assertEquals(Instant.parse("2026-02-28T22:00:00Z"), scheduled.publishedAt());

        Stored draft = stored("ciorna", Language.RO);
        assertEquals(ArticleStatus.DRAFT, draft.status());
        assertNull(draft.publishedAt());
        assertNull(stored("ciorna", Language.RU), "no ru.md, no Russian version");
    }

    @Test
    void importingAgainCreatesNothingAndReportsTheArticlesUnchanged() {
        smallFolder();
        importFolder();

        ImportReport again = importFolder();

        assertEquals(0, again.created());
        assertEquals(3, again.unchanged());
        assertEquals(List.of(), again.problems());
        assertEquals(3, count("Article"));
        assertEquals(5, count("ArticleTranslation"));
        assertEquals(2, count("Category"));
    }

    @Test
    void aRestartWithUnchangedFilesDoesNotReadThemButAChangedFileIsReadAgain() throws Exception {
        sourced("2026-01-10", "2026-01-09", "");
        Path state = dataDir.resolve("content-import.state");
        new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), CLOCK)
                .rememberingIn(new ImportFingerprint(state)).importFrom(Optional.of(contentDir));
        assertTrue(Files.isRegularFile(state), "the import leaves its fingerprint");
        // An unreadable file would be reported if it were read: unchanged files and database are not read at all.
        Path file = contentDir.resolve("articles/linia-fierbinte/ro.md");
        java.nio.file.attribute.FileTime written = Files.getLastModifiedTime(file);
        byte[] original = Files.readAllBytes(file);
        byte[] garbled = original.clone();
        garbled[0] = (byte) 0xC3; // not UTF-8 any more, same size
        Files.write(file, garbled);
        Files.setLastModifiedTime(file, written);
        // The pages, imported after the articles at every start, do not count as a change.
        db.sessionFactory().inTransaction(session -> session.persist(Article.page("despre-noi", CLOCK.instant())));

        // As a start takes it: the folder walked on another thread while the database starts, the same fingerprint.
        ImportReport again = new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), CLOCK)
                .rememberingIn(new ImportFingerprint(state).walkingBeside(Optional.of(contentDir)))
                .importFrom(Optional.of(contentDir));
        assertEquals(List.of(), again.problems(), "the unchanged folder is not read again");
        assertEquals(1, again.unchanged());

        // A file changed for real (a later review) is read at the next start, as without the fingerprint.
        Files.write(file, original);
        sourced("2026-01-14", "2026-01-14", "");
        ImportReport changed = new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), CLOCK)
                .rememberingIn(new ImportFingerprint(state).walkingBeside(Optional.of(contentDir)))
                .importFrom(Optional.of(contentDir));
        assertEquals(List.of(), changed.problems());
        assertEquals(java.time.LocalDate.of(2026, 1, 14), review("linia-fierbinte", Language.RO).reviewed());
    }

    @Test
    void editorsTitleIsNotOverwrittenByAReimportEvenWhenTheFileChanged() {
        smallFolder();
        importFolder();
        db.sessionFactory().inTransaction(session -> {
            ArticleTranslation t = session.createSelectionQuery(
                            "from ArticleTranslation t where t.slug = :slug", ArticleTranslation.class)
                    .setParameter("slug", "cum-verifici-o-oferta-de-munca")
                    .getSingleResult();
            t.write("Titlul redactorului", t.getSlug(), t.getSummary(), t.getBodyMarkdown(), t.getBodyHtml(),
                    t.getReadingMinutes(), new LinkedHashSet<>(t.getTags()), t.getReviewBy(), CLOCK.instant());
        });
        ContentFolder.at(contentDir).article("verificare-oferta-munca", "ro", """
                title: "Titlul nou din fișier"
                category: munca
                published: 2025-11-05
                """, "Alt text.\n");

        ImportReport again = importFolder();

        assertEquals(0, again.created());
        assertEquals(3, again.unchanged());
        Stored ro = stored("verificare-oferta-munca", Language.RO);
        assertEquals("Titlul redactorului", ro.title());
        assertEquals("cum-verifici-o-oferta-de-munca", ro.slug());
        assertTrue(ro.bodyHtml().contains("<strong>nu este</strong>"), "the body is the first import's too");
    }

    // --- Malformed files: each is reported with its path, and a good article beside it still imports.

    /** Writes one good article plus whatever {@code bad} adds, imports, and checks the good one arrived. */
    private ImportReport importBesideAGoodArticle(Consumer<ContentFolder> bad) {
        ContentFolder folder = ContentFolder.at(contentDir).article("linia-fierbinte", "ro", """
                title: Linia fierbinte
                category: munca
                published: 2025-06-01
                """, "Sună gratuit.\n");
        bad.accept(folder);

        ImportReport report = importFolder();

        assertNotNull(stored("linia-fierbinte", Language.RO), "the good article imports: " + report.problems());
        assertEquals(1, report.created(), "only the good article is created: " + report.problems());
        assertEquals(1, count("Article"));
        return report;
    }

    private static ImportProblem onlyProblem(ImportReport report) {
        assertEquals(1, report.problems().size(), "one problem expected: " + report.problems());
        return report.problems().get(0);
    }

    @Test
    void frontMatterThatIsNeverClosedIsReportedWithTheFilePath() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.file("articles/fara-sfarsit/ro.md",
                "---\ntitle: Fără sfârșit\ncategory: munca\n\nTextul începe, dar front matter-ul nu se închide.\n"));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/fara-sfarsit/ro.md", problem.file());
        assertEquals(1, problem.line());
        assertTrue(problem.reason().contains("not closed"), problem.reason());
        assertTrue(problem.toString().startsWith("articles/fara-sfarsit/ro.md:1: "), problem.toString());
    }

    @Test
    void fileWithoutFrontMatterIsReported() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.file("articles/fara-antet/ru.md",
                "# Просто текст\n\nБез заголовка.\n"));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/fara-antet/ru.md", problem.file());
        assertEquals(1, problem.line());
    }

    @Test
    void badYamlIsReportedOnTheLineOfTheFileWhereItIs() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.file("articles/yaml-gresit/ro.md", """
                ---
                title: Titlu bun
                category: munca
                summary: două: puncte nu merg aici
                published: 2025-06-01
                ---
                Text.
                """));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/yaml-gresit/ro.md", problem.file());
        assertEquals(4, problem.line(), "line 4 of the file holds the second colon: " + problem);
        assertTrue(problem.reason().startsWith("invalid YAML"), problem.reason());
    }

    @Test
    void repeatedFieldIsReportedOnItsLine() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.file("articles/camp-dublu/ru.md", """
                ---
                title: Первый заголовок
                category: munca
                published: 2025-06-01
                title: Второй заголовок
                ---
                Текст.
                """));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/camp-dublu/ru.md", problem.file());
        assertEquals(5, problem.line(), problem.toString());
        assertTrue(problem.reason().contains("title"), problem.reason());
    }

    @Test
    void unknownCategoryIsReportedWithTheArticleFolder() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.article("categorie-necunoscuta", "ro", """
                title: Categorie greșită
                category: inexistenta
                published: 2025-06-01
                """, "Text.\n"));

        ImportProblem problem = onlyProblem(report);
        assertTrue(problem.file().startsWith("articles/categorie-necunoscuta"), problem.toString());
        assertTrue(problem.reason().contains("'inexistenta'"), problem.reason());
        assertEquals(1, count("Article"), "nothing of the rejected article is left behind");
        assertEquals(1, count("ArticleTranslation"));
    }

    @Test
    void slugThatClimbsOutOfItsFolderIsReported() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.article("slug-periculos", "ro", """
                title: Slug periculos
                slug: "../x"
                category: munca
                published: 2025-06-01
                """, "Text.\n"));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/slug-periculos/ro.md", problem.file());
        assertTrue(problem.reason().contains("'../x'"), problem.reason());
    }

    @Test
    void titleWithANulCharacterIsReported() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.article("titlu-nul", "ro", """
                title: "Titlu\\0ascuns"
                category: munca
                published: 2025-06-01
                """, "Text.\n"));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/titlu-nul/ro.md", problem.file());
        assertTrue(problem.reason().contains("'title'"), problem.reason());
        assertTrue(problem.reason().contains("U+0000"), problem.reason());
    }

    @Test
    void folderNameThatIsNoArticleKeyIsReported() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.article("Ghid_Nou", "ro", """
                title: Ghid nou
                published: 2025-06-01
                """, "Text.\n"));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/Ghid_Nou", problem.file());
    }

    @Test
    void slugAlreadyUsedByAnotherArticleIsReported() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.article("zz-copie", "ro", """
                title: Linia fierbinte
                category: munca
                published: 2025-06-01
                """, "Aceeași adresă, alt articol.\n"));

        ImportProblem problem = onlyProblem(report);
        assertTrue(problem.file().startsWith("articles/zz-copie"), problem.toString());
        assertTrue(problem.reason().contains("linia-fierbinte"), problem.reason());
    }

    @Test
    void fileInAnotherEncodingIsReportedAsNotUtf8() {
        byte[] latin2 = "---\ntitle: Ofertă de muncă şi ţări\ncategory: munca\npublished: 2025-06-01\n---\nŞtiri.\n"
                .getBytes(Charset.forName("ISO-8859-2"));

        ImportReport report = importBesideAGoodArticle(folder -> folder.bytes("articles/codare-gresita/ro.md", latin2));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/codare-gresita/ro.md", problem.file());
        assertTrue(problem.reason().contains("UTF-8"), problem.reason());
    }

    @Test
    void invisibleControlCharacterInTheBodyIsReportedAndTheRestStillImports() {
        // A right-to-left override in the body, as in a "Trojan source" text: the body is checked like the title.
        ImportReport report = importBesideAGoodArticle(folder -> folder.article("corp-ascuns", "ro", """
                title: Corp cu caracter ascuns
                category: munca
                published: 2025-06-01
                """, "Descarcă factura\u202Efdp.exe de aici.\n"));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/corp-ascuns/ro.md", problem.file());
        assertTrue(problem.reason().contains("'body'"), problem.reason());
    }

    @Test
    void articleKeyLongerThanTheDatabaseAllowsIsReportedAndTheRestStillImports() {
        String key = "ghid-" + "foarte-lung-".repeat(9) + "final"; // 118 characters: a valid slug
        assertTrue(Slugs.isValid(key) && key.length() > 100, key.length() + " " + key);

        ImportReport report = importBesideAGoodArticle(folder -> folder.article(key, "ro", """
                title: Cheie lungă
                category: munca
                published: 2025-06-01
                """, "Text.\n"));

        ImportProblem problem = onlyProblem(report);
        assertTrue(problem.file().startsWith("articles/ghid-foarte-lung"), problem.toString());
    }

    @Test
    void categoryKeyLongerThanTheDatabaseAllowsIsReportedAndArticlesStillImport() {
        String key = "categorie-" + "foarte-lunga-".repeat(5) + "final"; // 80 characters: a valid slug
        assertTrue(Slugs.isValid(key) && key.length() > 64, key.length() + " " + key);
        ContentFolder.at(contentDir)
                .file("categories.yml", "- key: " + key + "\n  ro: Lungă\n  ru: Длинная\n")
                .article("fara-categorie", "ro", """
                        title: Fără categorie
                        published: 2025-06-01
                        """, "Text.\n");

        ImportReport report = importFolder();

        ImportProblem problem = onlyProblem(report);
        assertEquals("categories.yml", problem.file());
        assertEquals(1, report.created(), "the article needs no category");
    }

    // --- Publication dates and times.

    @Test
    void publicationTimeWithoutSecondsIsReadInChisinauTime() {
        ContentFolder.at(contentDir).article("mai-tarziu-azi", "ro", """
                title: Mai târziu azi
                published: 2026-01-15T20:00
                """, "Text.\n");

        assertEquals(List.of(), importFolder().problems());

        Stored t = stored("mai-tarziu-azi", Language.RO);
        assertEquals(Instant.parse("2026-01-15T18:00:00Z"), t.publishedAt());
        assertEquals(ArticleStatus.SCHEDULED, t.status(), "20:00 in Chisinau is still to come at 12:00");
    }

    @Test
    void publicationTimeWithSecondsKeepsItsTimeOfDay() {
        ContentFolder.at(contentDir)
                .article("ora-cu-zona", "ro", """
                        title: Ora cu zonă
                        published: 2026-01-15T20:00:00+02:00
                        """, "Text.\n")
                .article("ora-fara-zona", "ro", """
                        title: Ora fără zonă
                        published: 2026-01-15 20:00:00
                        """, "Text.\n");

        assertEquals(List.of(), importFolder().problems());

        Stored withZone = stored("ora-cu-zona", Language.RO);
        assertEquals(Instant.parse("2026-01-15T18:00:00Z"), withZone.publishedAt());
        assertEquals(ArticleStatus.SCHEDULED, withZone.status(), "20:00 in Chisinau is still to come at 12:00");
        Stored withoutZone = stored("ora-fara-zona", Language.RO);
        assertEquals(Instant.parse("2026-01-15T18:00:00Z"), withoutZone.publishedAt(), "a time without zone is Chisinau time");
        assertEquals(ArticleStatus.SCHEDULED, withoutZone.status());
    }

    @Test
    void impossibleDateIsReportedNotMovedToAnotherDay() {
        ContentFolder.at(contentDir).article("data-imposibila", "ro", """
                title: Treizeci februarie
                published: 2026-02-30
                """, "Text.\n");

        ImportReport report = importFolder();

        Stored moved = stored("data-imposibila", Language.RO);
        assertNull(moved, "30 February must not silently become " + (moved == null ? "" : moved.publishedAt()));
        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/data-imposibila/ro.md", problem.file());
        assertTrue(problem.reason().contains("published"), problem.reason());
    }

    // --- The content shipped with the portal.

    @Test
    void bundledContentImportsWithoutProblemsInBothLanguages() {
        Clock afterEveryArticle = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);

        ImportReport report = new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), afterEveryArticle)
                .importFrom(Optional.empty());

        assertEquals(List.of(), report.problems());
        assertTrue(report.created() >= 24, "the seed content has at least 24 articles, got " + report.created());
        ArticleService articles = new ArticleService(db.sessionFactory(), afterEveryArticle);
        assertEquals(report.created(), articles.countPublished(Language.RO));
        assertEquals(report.created(), articles.countPublished(Language.RU));
        List<String> roKeys = articles.latest(Language.RO, 1000).stream().map(ArticleSummary::key).sorted().toList();
        List<String> ruKeys = articles.latest(Language.RU, 1000).stream().map(ArticleSummary::key).sorted().toList();
        assertEquals(roKeys, ruKeys, "the same articles in both languages");

        List<String> notInBothLanguages = db.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "select a.key from Article a where"
                                + " (select count(t) from ArticleTranslation t where t.article = a and t.language = :ro) <> 1"
                                + " or (select count(t) from ArticleTranslation t where t.article = a and t.language = :ru) <> 1",
                        String.class)
                .setParameter("ro", Language.RO)
                .setParameter("ru", Language.RU)
                .getResultList());
        assertEquals(List.of(), notInBothLanguages);
        List<String> uncategorized = db.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                "select a.key from Article a where a.category is null", String.class).getResultList());
        assertEquals(List.of(), uncategorized);
        for (ArticleSummary summary : articles.latest(Language.RO, 1000)) {
            var view = articles.bySlug(Language.RO, summary.slug()).orElseThrow();
            assertNotNull(view.otherLanguageSlug(), summary.key() + " links to its Russian version");
        }

        ImportReport again = new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), afterEveryArticle)
                .importFrom(Optional.empty());
        assertEquals(0, again.created());
        assertEquals(report.created(), again.unchanged());
    }

    // --- Sources and review dates.

    private static final String SOURCED = """
            title: Linia fierbinte
            category: munca
            published: 2025-06-01
            review_by: 2026-06-30
            reviewed: %s
            sources:
              - title: "Factsheet 2025"
                publisher: "Centrul Internațional „La Strada”"
                url: "https://www.migratiesigura.md"
                consulted: %s
            %s""";

    private ContentFolder sourced(String reviewed, String consulted, String more) {
        return ContentFolder.at(contentDir).article("linia-fierbinte", "ro",
                SOURCED.formatted(reviewed, consulted, more), "Sună gratuit.\n");
    }

    private record Review(java.time.LocalDate reviewed, java.time.LocalDate reviewBy, List<ArticleSource> sources,
                          String title, int revisions) {
    }

    private Review review(String key, Language language) {
        return db.sessionFactory().fromTransaction(session -> {
            ArticleTranslation t = session.createSelectionQuery(
                            "from ArticleTranslation t where t.article.key = :key and t.language = :lang",
                            ArticleTranslation.class)
                    .setParameter("key", key).setParameter("lang", language).getSingleResult();
            long revisions = session.createSelectionQuery(
                            "select count(r) from ArticleRevision r where r.article = :a and r.language = :lang", Long.class)
                    .setParameter("a", t.getArticle()).setParameter("lang", language).getSingleResult();
            return new Review(t.getReviewed(), t.getReviewBy(), List.copyOf(t.getSources()), t.getTitle(),
                    (int) revisions);
        });
    }

    @Test
    void sourcesAndReviewDateAreImportedInTheirOrder() {
        sourced("2026-01-10", "2026-01-09", """
                  - title: "Codul penal, articolul 165"
                    publisher: "Parlamentul Republicii Moldova"
                    url: "http://www.legis.md/cautare/getResults?doc_id=1"
                    consulted: 2026-01-08
                """);

        ImportReport report = importFolder();

        assertEquals(List.of(), report.problems());
        Review r = review("linia-fierbinte", Language.RO);
        assertEquals(java.time.LocalDate.of(2026, 1, 10), r.reviewed());
        assertEquals(List.of(
                new ArticleSource("Factsheet 2025", "Centrul Internațional „La Strada”", "https://www.migratiesigura.md",
                        java.time.LocalDate.of(2026, 1, 9)),
                new ArticleSource("Codul penal, articolul 165", "Parlamentul Republicii Moldova",
                        "http://www.legis.md/cautare/getResults?doc_id=1", java.time.LocalDate.of(2026, 1, 8))),
                r.sources());
    }

    @Test
    void aLaterReviewInTheFileBringsItsSourcesIntoAnArticleAlreadyImported() {
        sourced("2026-01-10", "2026-01-09", "");
        importFolder();
        db.sessionFactory().inTransaction(session -> {
            ArticleTranslation t = session.createSelectionQuery(
                    "from ArticleTranslation t where t.slug = 'linia-fierbinte'", ArticleTranslation.class).getSingleResult();
            t.write("Titlul redactorului", t.getSlug(), t.getSummary(), t.getBodyMarkdown(), t.getBodyHtml(),
                    t.getReadingMinutes(), new LinkedHashSet<>(t.getTags()), t.getReviewBy(), CLOCK.instant());
        });
        ContentFolder.at(contentDir).article("linia-fierbinte", "ro", """
                title: Titlul din fișier
                category: munca
                published: 2025-06-01
                review_by: 2027-01-31
                reviewed: 2026-01-14
                sources:
                  - title: "Factsheet 2025, ediția revizuită"
                    publisher: "La Strada"
                    url: "https://www.migratiesigura.md/raport"
                    consulted: 2026-01-14
                """, "Alt text.\n");

        ImportReport again = importFolder();

        assertEquals(List.of(), again.problems());
        assertEquals(0, again.created());
        Review r = review("linia-fierbinte", Language.RO);
        assertEquals(java.time.LocalDate.of(2026, 1, 14), r.reviewed());
        assertEquals(java.time.LocalDate.of(2027, 1, 31), r.reviewBy());
        assertEquals(List.of("Factsheet 2025, ediția revizuită"), r.sources().stream().map(ArticleSource::title).toList());
        assertEquals("Titlul redactorului", r.title(), "the editors' text stays");
        assertEquals(1, r.revisions(), "the imported review is in the history");
    }

    @Test
    void aReviewInTheFileNoLaterThanTheSavedOneChangesNothing() {
        sourced("2026-01-10", "2026-01-09", "");
        importFolder();
        for (String date : List.of("2026-01-10", "2026-01-05")) {
            ContentFolder.at(contentDir).article("linia-fierbinte", "ro", SOURCED.formatted(date, date, "")
                    .replace("Factsheet 2025", "Alt titlu"), "Sună gratuit.\n");

            ImportReport again = importFolder();

            assertEquals(List.of(), again.problems());
            Review r = review("linia-fierbinte", Language.RO);
            assertEquals(java.time.LocalDate.of(2026, 1, 10), r.reviewed(), date);
            assertEquals(List.of("Factsheet 2025"), r.sources().stream().map(ArticleSource::title).toList(), date);
            assertEquals(0, r.revisions(), date);
        }
    }

    @Test
    void aSourceWithoutAnHttpAddressIsReportedOnItsLine() {
        ImportReport report = importBesideAGoodArticle(folder -> folder.article("ghid-polonia", "ro", """
                title: Ghid Polonia
                reviewed: 2026-01-10
                sources:
                  - title: "Legea"
                    publisher: "Seimul"
                    url: "https://isap.sejm.gov.pl"
                    consulted: 2026-01-10
                  - title: "Alta"
                    publisher: "Cineva"
                    url: "javascript:alert(1)"
                    consulted: 2026-01-10
                """, "Text.\n"));

        ImportProblem problem = onlyProblem(report);
        assertEquals("articles/ghid-polonia/ro.md", problem.file());
        assertEquals(9, problem.line(), problem.toString());
        assertTrue(problem.reason().contains("source 2") && problem.reason().contains("http"), problem.reason());
        assertNull(stored("ghid-polonia", Language.RO));
    }

    @Test
    void aSourceWithoutPublisherOrWithABadDateIsReported() {
        ImportReport report = importBesideAGoodArticle(folder -> folder
                .article("fara-editor", "ro", """
                        title: Fără editor
                        sources:
                          - title: "Legea"
                            url: "https://example.md"
                            consulted: 2026-01-10
                        """, "Text.\n")
                .article("data-rea", "ro", """
                        title: Data rea
                        reviewed: 2026-02-30
                        """, "Text.\n")
                .article("nu-e-lista", "ro", """
                        title: Nu e listă
                        sources: "https://example.md"
                        """, "Text.\n"));

        assertEquals(3, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.file().contains("fara-editor")
                && p.reason().contains("'publisher' is required")), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.file().contains("data-rea")
                && p.reason().contains("'reviewed' must be a date")), report.problems().toString());
        assertTrue(report.problems().stream().anyMatch(p -> p.file().contains("nu-e-lista")
                && p.reason().contains("sources must be a list")), report.problems().toString());
    }

    @Test
    void everyBundledArticleArrivesWithSourcesAndAReviewDateInBothLanguages() {
        Clock afterEveryArticle = Clock.fixed(Instant.parse("2100-01-01T00:00:00Z"), ZoneOffset.UTC);
        new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), afterEveryArticle).importFrom(Optional.empty());

        List<String> unsourced = db.sessionFactory().fromTransaction(session -> session.createSelectionQuery(
                        "select t.article.key from ArticleTranslation t"
                                + " where t.reviewed is null or t.sources is empty", String.class)
                .getResultList());

        assertEquals(List.of(), unsourced);
        assertTrue(count("ArticleTranslation") >= 74, "both languages of every bundled article");
    }
}
