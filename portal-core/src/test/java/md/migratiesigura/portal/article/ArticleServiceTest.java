package md.migratiesigura.portal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.ContentFolder;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The public reading side, over one small folder imported once (the tests only read). */
class ArticleServiceTest {

    /** 15 January 2026, 12:00 in Chisinau. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-15T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    static Path dataDir;

    @TempDir
    static Path contentDir;

    private static Database db;
    private static ArticleService articles;

    @BeforeAll
    static void importSmallFolder() {
        ContentFolder.at(contentDir)
                .article("oferta", "ro", """
                        title: "Cum verifici o ofertă de muncă"
                        summary: "Șase semne ale unei capcane."
                        category: munca
                        tags: [recrutare, oferta]
                        published: 2025-11-05
                        """, "## Semnele\n\nText.\n")
                .article("oferta", "ru", """
                        title: "Как проверить предложение о работе"
                        summary: "Шесть признаков ловушки."
                        category: munca
                        published: 2025-11-05
                        """, "Текст.\n")
                .article("agentie", "ro", """
                        title: Verifică licența agenției de recrutare
                        category: munca
                        published: 2025-12-10
                        """, "Text.\n")
                .article("agentie", "ru", """
                        title: Проверьте лицензию агентства
                        category: munca
                        """, "Черновик.\n")
                .article("reducere", "ro", """
                        title: "Reducere de 50% la taxe? E o capcană"
                        category: munca
                        published: 2025-10-01
                        """, "Text.\n")
                .article("reducere", "ru", """
                        title: "Скидка 50% на сборы? Это ловушка"
                        category: munca
                        published: 2025-10-01
                        """, "Текст.\n")
                .article("pasaport", "ro", """
                        title: Pașaportul pierdut în străinătate
                        category: documente
                        published: 2026-01-14
                        """, "Text.\n")
                .article("pasaport", "ru", """
                        title: Паспорт потерян за границей
                        category: documente
                        published: 2026-01-14
                        """, "Текст.\n")
                .article("doar-romana", "ro", """
                        title: Numai în limba română
                        published: 2025-09-01
                        """, "Text.\n")
                .article("polonia", "ro", """
                        title: Ghid nou pentru Polonia
                        category: documente
                        published: 2026-02-01
                        """, "În curând.\n")
                .article("ciorna", "ro", """
                        title: Ciornă despre ofertă
                        category: munca
                        """, "Încă lucrăm.\n");
        db = Database.open(TestDatabases.newConfig(dataDir));
        ImportReport report = new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), CLOCK)
                .importFrom(Optional.of(contentDir));
        assertEquals(List.of(), report.problems());
        assertEquals(7, report.created());
        articles = new ArticleService(db.sessionFactory(), CLOCK);
    }

    @AfterAll
    static void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private static List<String> keys(List<ArticleSummary> summaries) {
        return summaries.stream().map(ArticleSummary::key).toList();
    }

    @Test
    void latestIsNewestFirstAndHidesDraftsAndFutureArticles() {
        assertEquals(List.of("pasaport", "agentie", "oferta", "reducere", "doar-romana"),
                keys(articles.latest(Language.RO, 10)));
        assertEquals(List.of("pasaport", "oferta", "reducere"), keys(articles.latest(Language.RU, 10)));
    }

    @Test
    void latestStopsAtTheLimit() {
        assertEquals(List.of("pasaport", "agentie"), keys(articles.latest(Language.RO, 2)));
    }

    @Test
    void latestShowsTheCategoryInTheReadersLanguage() {
        ArticleSummary ru = articles.latest(Language.RU, 10).stream()
                .filter(s -> s.key().equals("oferta")).findFirst().orElseThrow();

        assertEquals("kak-proverit-predlozhenie-o-rabote", ru.slug());
        assertEquals("Как проверить предложение о работе", ru.title());
        assertEquals("Работа за рубежом", ru.categoryName());
        assertEquals(Instant.parse("2025-11-04T22:00:00Z"), ru.publishedAt());
    }

    @Test
    void countPublishedCountsWhatReadersCanSee() {
        assertEquals(5, articles.countPublished(Language.RO));
        assertEquals(3, articles.countPublished(Language.RU));
    }

    @Test
    void bySlugFindsAPublishedArticleAndTheSlugOfItsOtherLanguage() {
        ArticleView ro = articles.bySlug(Language.RO, "cum-verifici-o-oferta-de-munca").orElseThrow();

        assertEquals("oferta", ro.key());
        assertEquals("Cum verifici o ofertă de muncă", ro.title());
        assertEquals("Șase semne ale unei capcane.", ro.summary());
        assertEquals("Muncă în străinătate", ro.categoryName());
        assertEquals(List.of("oferta", "recrutare"), ro.tags(), "tags sorted");
        assertTrue(ro.bodyHtml().contains("<h2"), ro.bodyHtml());
        assertEquals("kak-proverit-predlozhenie-o-rabote", ro.otherLanguageSlug());

        ArticleView ru = articles.bySlug(Language.RU, "kak-proverit-predlozhenie-o-rabote").orElseThrow();
        assertEquals("cum-verifici-o-oferta-de-munca", ru.otherLanguageSlug());
    }

    @Test
    void otherLanguageSlugIsNullWhenTheOtherLanguageIsADraft() {
        ArticleView ro = articles.bySlug(Language.RO, "verifica-licenta-agentiei-de-recrutare").orElseThrow();

        assertNull(ro.otherLanguageSlug(), "the Russian draft must not be linked");
    }

    @Test
    void otherLanguageSlugIsNullWhenThereIsNoOtherLanguage() {
        ArticleView ro = articles.bySlug(Language.RO, "numai-in-limba-romana").orElseThrow();

        assertNull(ro.otherLanguageSlug());
        assertNull(ro.categoryKey());
    }

    @Test
    void bySlugOfADraftIsEmpty() {
        assertEquals(Optional.empty(), articles.bySlug(Language.RO, "ciorna-despre-oferta"));
        assertEquals(Optional.empty(), articles.bySlug(Language.RU, "proverte-litsenziyu-agentstva"));
    }

    @Test
    void bySlugOfAnArticleScheduledForLaterIsEmpty() {
        assertEquals(Optional.empty(), articles.bySlug(Language.RO, "ghid-nou-pentru-polonia"));
    }

    @Test
    void bySlugInTheWrongLanguageIsEmpty() {
        assertEquals(Optional.empty(), articles.bySlug(Language.RU, "cum-verifici-o-oferta-de-munca"));
        assertEquals(Optional.empty(), articles.bySlug(Language.RO, "nu-exista"));
    }

    @Test
    void scheduledArticleAppearsOnceItsTimeHasComeWithoutAnyJob() {
        ArticleService inFebruary = new ArticleService(db.sessionFactory(),
                Clock.fixed(Instant.parse("2026-02-02T08:00:00Z"), ZoneOffset.UTC));

        assertTrue(inFebruary.bySlug(Language.RO, "ghid-nou-pentru-polonia").isPresent());
        assertEquals("polonia", inFebruary.latest(Language.RO, 1).get(0).key());
        assertEquals(6, inFebruary.countPublished(Language.RO));
    }
}
