package md.migratiesigura.portal.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import md.migratiesigura.portal.ContentFolder;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.article.EditorialProblem.Code;
import md.migratiesigura.portal.article.RevisionDiff.DiffLine;
import md.migratiesigura.portal.article.SaveResult.Conflict;
import md.migratiesigura.portal.article.SaveResult.Rejected;
import md.migratiesigura.portal.article.SaveResult.Saved;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The editors' service on a real MariaDB, with a clock the tests move. */
class EditorialServiceTest {

    /** A clock the tests set; starts on 15 January 2026, 12:00 in Chisinau. */
    static final class SettableClock extends Clock {
        volatile Instant now = Instant.parse("2026-01-15T10:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @TempDir
    static Path dataDir;

    @TempDir
    static Path contentDir;

    private static final SettableClock clock = new SettableClock();
    private static Database db;
    private static EditorialService editorial;
    private static RevisionService history;
    private static TranslationQueries translations;
    private static EditorialListQueries editorialList;
    private static ScheduledPublisher publisher;
    private static ArticleService articles;
    private static AuditService audit;
    private static SignedInUser editor;
    private static SignedInUser trainer;

    @BeforeAll
    static void open() {
        ContentFolder.at(contentDir);
        db = Database.open(TestDatabases.newConfig(dataDir));
        new ArticleImporter(db.sessionFactory(), new MarkdownRenderer(), clock).importFrom(Optional.of(contentDir));
        audit = new AuditService(db.sessionFactory(), clock);
        UserService users = new UserService(db.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(), audit,
                clock);
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of("administrator passphrase"));
        SignedInUser admin = users.authenticate("admin@example.org", "administrator passphrase").orElseThrow();
        users.create(admin, new NewUser("editor@example.org", "Editor", Role.EDITOR, "editor passphrase 1"));
        users.create(admin, new NewUser("trainer@example.org", "Trainer", Role.TRAINER, "trainer passphrase 1"));
        editor = users.authenticate("editor@example.org", "editor passphrase 1").orElseThrow();
        trainer = users.authenticate("trainer@example.org", "trainer passphrase 1").orElseThrow();
        editorial = new EditorialService(db.sessionFactory(), new MarkdownRenderer(), audit, clock);
        history = new RevisionService(db.sessionFactory(), new MarkdownRenderer(), audit, clock);
        translations = new TranslationQueries(db.sessionFactory());
        editorialList = new EditorialListQueries(db.sessionFactory(), clock);
        publisher = new ScheduledPublisher(db.sessionFactory(), audit, clock);
        articles = new ArticleService(db.sessionFactory(), clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 6);
    }

    private static EditableTranslation created(String title, String body) {
        SaveResult result = editorial.create(editor, Language.RO, ArticleDraft.of(title, body));
        return assertInstanceOf(Saved.class, result, () -> String.valueOf(result)).translation();
    }

    private static EditableTranslation saved(SaveResult result) {
        return assertInstanceOf(Saved.class, result, () -> String.valueOf(result)).translation();
    }

    private static long rows(String table) {
        return db.sessionFactory().fromTransaction(s -> s.createNativeQuery("select count(*) from " + table, Long.class)
                .getSingleResult());
    }

    private static List<Long> rowCounts() {
        return Stream.of("articles", "article_translations", "article_revisions", "audit_log", "search_outbox",
                "article_translation_tags").map(EditorialServiceTest::rows).toList();
    }

    private static AuditRecord latestAudit() {
        return audit.newest(0, 1).get(0);
    }

    @Test
    void aNewArticleTakesItsKeyFromTheTitleAndStartsAsADraftWithARevision() {
        EditableTranslation t = created("Cum recunoști o agenție ilegală", "Primul paragraf.");

        assertEquals("cum-recunosti-o-agentie-ilegala", t.key());
        assertEquals("cum-recunosti-o-agentie-ilegala", t.slug());
        assertEquals(ArticleStatus.DRAFT, t.status());
        assertEquals("editor@example.org", t.authorEmail());
        assertEquals("<p>Primul paragraf.</p>\n", t.bodyHtml(), "rendered when saved");
        List<RevisionSummary> revisions = history.revisions(t.key(), Language.RO);
        assertEquals(1, revisions.size());
        assertEquals(RevisionAction.CREATED, revisions.get(0).action());
        assertEquals(AuditAction.ARTICLE_CREATED, latestAudit().action());
        assertEquals(t.key() + "/ro", latestAudit().target());
    }

    @Test
    void aTakenKeyGetsANumberAndNoArticleIsCalledNew() {
        String title = unique("Același titlu");
        EditableTranslation first = created(title, "Unu.");
        SaveResult second = editorial.create(editor, Language.RU, ArticleDraft.of(title, "Два."));

        assertEquals(first.key() + "-2", saved(second).key());
        assertEquals("new-2", created("New", "Text.").key());
    }

    @Test
    void aRussianTitleGetsATransliteratedSlug() {
        SaveResult result = editorial.create(editor, Language.RU, ArticleDraft.of("Как проверить агентство", "Текст."));
        assertEquals("kak-proverit-agentstvo", saved(result).slug());
    }

    @Test
    void aSaveWithTheLoadedVersionWritesTheTextARevisionAnAuditEntryAndASearchUpdate() {
        EditableTranslation t = created(unique("Salvare"), "Text vechi.");
        long outbox = rows("search_outbox");

        EditableTranslation after = saved(editorial.saveDraft(editor, t.key(), Language.RO, t.version(),
                t.toDraft().withBody("Text **nou**.").withTags("contract, Agentie").withSummary("Pe scurt.")));

        assertEquals("Text **nou**.", after.bodyMarkdown());
        assertEquals("<p>Text <strong>nou</strong>.</p>\n", after.bodyHtml());
        assertEquals(List.of("agentie", "contract"), after.tags());
        assertNotEquals(t.version(), after.version());
        assertEquals(2, history.revisions(t.key(), Language.RO).size());
        assertEquals(AuditAction.ARTICLE_SAVED, latestAudit().action());
        assertEquals(outbox + 1, rows("search_outbox"), "search follows in the same transaction");
    }

    @Test
    void aSaveBasedOnAnOlderVersionIsAConflictThatKeepsTheEditorsTextAndWritesNothing() {
        EditableTranslation loaded = created(unique("Conflict"), "Textul de început.");
        saved(editorial.saveDraft(editor, loaded.key(), Language.RO, loaded.version(),
                loaded.toDraft().withBody("Salvat de primul editor.")));
        List<Long> before = rowCounts();

        ArticleDraft mine = loaded.toDraft().withBody("Textul meu, la care am lucrat o oră.");
        SaveResult result = editorial.saveDraft(editor, loaded.key(), Language.RO, loaded.version(), mine);

        Conflict conflict = assertInstanceOf(Conflict.class, result);
        assertEquals("Textul meu, la care am lucrat o oră.", conflict.yours().bodyMarkdown());
        assertEquals("Salvat de primul editor.", conflict.theirs().bodyMarkdown());
        assertEquals(before, rowCounts(), "nothing written");
        // Saving again on top of the version now saved replaces it knowingly.
        EditableTranslation resolved = saved(editorial.saveDraft(editor, loaded.key(), Language.RO,
                conflict.theirs().version(), conflict.yours()));
        assertEquals("Textul meu, la care am lucrat o oră.", resolved.bodyMarkdown());
    }

    @Test
    void addingALanguageThatSomeoneElseJustAddedIsAConflict() {
        EditableTranslation ro = created(unique("Traducere dublă"), "Text.");
        saved(editorial.saveDraft(editor, ro.key(), Language.RU, EditorialService.NEW_TRANSLATION,
                ArticleDraft.of("Перевод " + ro.key(), "Первый.")));
        SaveResult second = editorial.saveDraft(editor, ro.key(), Language.RU, EditorialService.NEW_TRANSLATION,
                ArticleDraft.of("Перевод два " + ro.key(), "Второй."));
        assertEquals("Второй.", assertInstanceOf(Conflict.class, second).yours().bodyMarkdown());
    }

    @Test
    void restoringARevisionMakesANewOneAndLeavesEveryEarlierRevisionAsItWas() {
        EditableTranslation t = created(unique("Restaurare"), "Versiunea unu.");
        EditableTranslation v2 = saved(editorial.saveDraft(editor, t.key(), Language.RO, t.version(),
                t.toDraft().withBody("Versiunea doi.").withTitle(t.title() + " (revizuit)")));
        List<RevisionSummary> before = history.revisions(t.key(), Language.RO);
        RevisionSummary first = before.get(before.size() - 1);
        RevisionDiff diffBefore = history.diff(first.id(), before.get(0).id()).orElseThrow();

        EditableTranslation restored = saved(history.restore(editor, first.id(), v2.version()));

        assertEquals("Versiunea unu.", restored.bodyMarkdown());
        assertEquals(t.title(), restored.title());
        List<RevisionSummary> after = history.revisions(t.key(), Language.RO);
        assertEquals(before.size() + 1, after.size());
        assertEquals(RevisionAction.RESTORED, after.get(0).action());
        assertEquals(before, after.subList(1, after.size()), "earlier revisions unchanged");
        assertEquals(diffBefore, history.diff(first.id(), before.get(0).id()).orElseThrow());
        assertEquals(AuditAction.ARTICLE_RESTORED, latestAudit().action());
        assertTrue(history.diff(first.id(), after.get(0).id()).orElseThrow().body().stream()
                .noneMatch(l -> l.kind() == DiffLine.Kind.ADDED || l.kind() == DiffLine.Kind.REMOVED));
    }

    @Test
    void restoringWithAStaleVersionIsAConflict() {
        EditableTranslation t = created(unique("Restaurare veche"), "Unu.");
        saved(editorial.saveDraft(editor, t.key(), Language.RO, t.version(), t.toDraft().withBody("Doi.")));
        long firstRevision = history.revisions(t.key(), Language.RO).get(1).id();
        assertInstanceOf(Conflict.class, history.restore(editor, firstRevision, t.version()));
    }

    @Test
    void theDiffNamesChangedFieldsAndShowsBodyLinesAddedAndRemovedWithFoldedContext() {
        StringBuilder body = new StringBuilder();
        for (int i = 1; i <= 20; i++) {
            body.append("Rândul ").append(i).append(".\n");
        }
        EditableTranslation t = created(unique("Diff"), body.toString());
        String changed = body.toString().replace("Rândul 10.", "Rândul zece, rescris.") + "Rând nou la sfârșit.\n";
        saved(editorial.saveDraft(editor, t.key(), Language.RO, t.version(),
                t.toDraft().withBody(changed).withTitle(t.title() + "!").withCategory("munca").withTags("contract")));
        List<RevisionSummary> revisions = history.revisions(t.key(), Language.RO);

        RevisionDiff diff = history.diff(revisions.get(1).id(), revisions.get(0).id()).orElseThrow();

        assertEquals(List.of("title", "category", "tags"), diff.fields().stream().map(RevisionDiff.FieldChange::field).toList());
        assertEquals(t.title() + "!", diff.fields().get(0).after());
        assertEquals("munca", diff.fields().get(1).after());
        List<String> shown = diff.body().stream().map(l -> l.kind() + " " + l.text()).toList();
        assertEquals(List.of("FOLDED 6", "SAME Rândul 7.", "SAME Rândul 8.", "SAME Rândul 9.", "REMOVED Rândul 10.",
                "ADDED Rândul zece, rescris.", "SAME Rândul 11.", "SAME Rândul 12.", "SAME Rândul 13.", "FOLDED 4",
                "SAME Rândul 18.", "SAME Rândul 19.", "SAME Rândul 20.", "ADDED Rând nou la sfârșit."), shown);
        DiffLine removed = diff.body().get(4);
        assertEquals(10, removed.oldNumber());
        assertNull(removed.newNumber());
    }

    @Test
    void aScheduledVersionIsPublishedByTheFirstSchedulerRunAfterItsTime() {
        EditableTranslation t = created(unique("Programat"), "Text programat.");
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), PortalTime.ZONE).plusMinutes(10);
        EditableTranslation scheduled = saved(editorial.schedule(editor, t.key(), Language.RO, t.version(),
                t.toDraft(), at));
        assertEquals(ArticleStatus.SCHEDULED, scheduled.status());
        assertEquals(at.atZone(PortalTime.ZONE).toInstant(), scheduled.publishAt(), "Chisinau time");

        publisher.publishDue();
        assertEquals(ArticleStatus.SCHEDULED, editorial.load(t.key()).orElseThrow().ro().status(), "not before its time");

        // The clock only moves forward here: the audit log is ordered by time.
        clock.now = clock.now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertTrue(publisher.publishDue() >= 1);
        EditableTranslation published = editorial.load(t.key()).orElseThrow().ro();
        assertEquals(ArticleStatus.PUBLISHED, published.status());
        assertFalse(published.publishedLate());
        assertTrue(articles.bySlug(Language.RO, published.slug()).isPresent());
        assertEquals(RevisionAction.PUBLISHED_BY_SCHEDULE, history.revisions(t.key(), Language.RO).get(0).action());
        assertTrue(audit.newest(0, 10).stream().anyMatch(e -> e.action() == AuditAction.ARTICLE_PUBLISHED_BY_SCHEDULE
                && e.target().equals(t.key() + "/ro")));
    }

    @Test
    void aScheduleMissedWhileThePortalWasDownIsPublishedAtStartAndFlagged() {
        EditableTranslation t = created(unique("Ratat"), "Text.");
        LocalDateTime at = LocalDateTime.ofInstant(clock.instant(), PortalTime.ZONE).plusMinutes(5);
        saved(editorial.schedule(editor, t.key(), Language.RO, t.version(), t.toDraft(), at));
        clock.now = clock.now.plus(Duration.ofHours(3)); // the portal was down meanwhile
        assertTrue(publisher.publishMissed() >= 1);
        EditableTranslation late = editorial.load(t.key()).orElseThrow().ro();
        assertEquals(ArticleStatus.PUBLISHED, late.status());
        assertTrue(late.publishedLate());
        EditorialListItem listed = editorialList.list(new EditorialFilter(null, null, null, false, t.title()), 1, 10)
                .items().get(0);
        assertTrue(listed.ro().publishedLate(), "the list shows the flag");
        assertTrue(audit.newest(0, 10).stream().anyMatch(e -> e.action() == AuditAction.ARTICLE_PUBLISHED_BY_SCHEDULE
                && e.target().equals(t.key() + "/ro") && e.detail().endsWith("late")));
    }

    @Test
    void aScheduleNeedsATimeInTheFuture() {
        EditableTranslation t = created(unique("Fără timp"), "Text.");
        LocalDateTime past = LocalDateTime.ofInstant(clock.instant(), PortalTime.ZONE).minusMinutes(1);
        assertEquals(List.of(new EditorialProblem("publishAt", Code.PUBLISH_AT_PAST, null)),
                assertInstanceOf(Rejected.class, editorial.schedule(editor, t.key(), Language.RO, t.version(),
                        t.toDraft(), past)).problems());
        assertEquals(Code.PUBLISH_AT_REQUIRED, assertInstanceOf(Rejected.class, editorial.schedule(editor, t.key(),
                Language.RO, t.version(), t.toDraft(), null)).problems().get(0).code());
    }

    @Test
    void publishingShowsTheVersionOnThePublicSiteAndUnpublishingHidesIt() {
        EditableTranslation t = created(unique("Public"), "Pentru toți.");
        EditableTranslation published = saved(editorial.publishNow(editor, t.key(), Language.RO, t.version(), t.toDraft()));
        assertEquals(clock.instant(), published.publishAt());
        assertTrue(articles.bySlug(Language.RO, t.slug()).isPresent());

        saved(editorial.unpublish(editor, t.key(), Language.RO, published.version(), published.toDraft()));
        assertTrue(articles.bySlug(Language.RO, t.slug()).isEmpty());
        assertEquals(AuditAction.ARTICLE_UNPUBLISHED, latestAudit().action());
    }

    @Test
    void submittingForReviewChangesTheStatusOnly() {
        EditableTranslation t = created(unique("Revizie"), "Text.");
        EditableTranslation inReview = saved(editorial.submitForReview(editor, t.key(), Language.RO, t.version(), t.toDraft()));
        assertEquals(ArticleStatus.IN_REVIEW, inReview.status());
        assertEquals(t.contentChangedAt(), inReview.contentChangedAt(), "the text did not change");
        assertEquals(AuditAction.ARTICLE_SUBMITTED, latestAudit().action());
    }

    @Test
    void theTranslationMatrixTellsMissingOutdatedAndUpToDate() {
        EditableTranslation ro = created(unique("Matrice"), "Text.");
        assertEquals(new TranslationMatrixRow(ro.key(), ro.title(), TranslationState.UP_TO_DATE, TranslationState.MISSING),
                row(ro.key()));

        clock.now = clock.now.plusSeconds(1);
        EditableTranslation ru = saved(editorial.saveDraft(editor, ro.key(), Language.RU, EditorialService.NEW_TRANSLATION,
                ArticleDraft.of("Матрица " + ro.key(), "Текст.").followingOtherLanguage()));
        assertEquals(TranslationState.UP_TO_DATE, row(ro.key()).ro(), "a translation that follows it keeps it up to date");
        assertEquals(TranslationState.UP_TO_DATE, row(ro.key()).ru());

        clock.now = clock.now.plusSeconds(1);
        EditableTranslation ro2 = saved(editorial.saveDraft(editor, ro.key(), Language.RO, ro.version(),
                ro.toDraft().withBody("Text cu un paragraf nou.")));
        assertEquals(TranslationState.UP_TO_DATE, row(ro.key()).ro());
        assertEquals(TranslationState.OUTDATED, row(ro.key()).ru(), "Romanian changed after the Russian");

        clock.now = clock.now.plusSeconds(1);
        saved(editorial.saveDraft(editor, ro.key(), Language.RU, ru.version(),
                ru.toDraft().withBody("Текст с новым абзацем.").followingOtherLanguage()));
        assertEquals(TranslationState.UP_TO_DATE, row(ro.key()).ru());
        assertEquals(TranslationState.UP_TO_DATE, row(ro.key()).ro());

        clock.now = clock.now.plusSeconds(1);
        EditableTranslation ru3 = editorial.load(ro.key()).orElseThrow().ru();
        saved(editorial.saveDraft(editor, ro.key(), Language.RU, ru3.version(), ru3.toDraft().withBody("Только по-русски.")));
        assertEquals(TranslationState.OUTDATED, row(ro.key()).ro());
        EditableTranslation ro3 = editorial.load(ro.key()).orElseThrow().ro();
        saved(editorial.saveDraft(editor, ro.key(), Language.RO, ro3.version(), ro3.toDraft().followingOtherLanguage()));
        assertEquals(TranslationState.UP_TO_DATE, row(ro.key()).ro(), "checked against the Russian without a change");
        assertNotEquals(null, ro2);
    }

    private static TranslationMatrixRow row(String key) {
        return translations.translationMatrix().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theListFiltersByStatusLanguageCategoryOverdueReviewAndTitleText() {
        String word = "Filtrare" + UUID.randomUUID().toString().substring(0, 6);
        EditableTranslation a = created(word + " ștergere", "Text.");
        saved(editorial.publishNow(editor, a.key(), Language.RO, a.version(),
                a.toDraft().withCategory("munca").withReviewBy(LocalDate.of(2025, 12, 1))));
        EditableTranslation b = created(word + " altul", "Text.");
        saved(editorial.saveDraft(editor, b.key(), Language.RU, EditorialService.NEW_TRANSLATION,
                ArticleDraft.of("Фильтр " + b.key(), "Текст.").withCategory("documente")));

        assertEquals(List.of(b.key(), a.key()), keys(new EditorialFilter(null, null, null, false, word)));
        assertEquals(List.of(a.key()), keys(new EditorialFilter(ArticleStatus.PUBLISHED, null, null, false, word)));
        assertEquals(List.of(b.key()), keys(new EditorialFilter(null, Language.RU, null, false, null)).stream()
                .filter(k -> k.equals(b.key())).toList());
        assertEquals(List.of(b.key()), keys(new EditorialFilter(null, null, "documente", false, word)));
        assertEquals(List.of(a.key()), keys(new EditorialFilter(null, null, null, true, word)));
        assertEquals(List.of(a.key()), keys(new EditorialFilter(null, null, null, false,
                word.toLowerCase() + " STERGERE")), "case and diacritics ignored");
        assertEquals(List.of(), keys(new EditorialFilter(null, null, null, false, word + "%_!")), "wildcards are text");
        EditorialListItem item = editorialList.list(new EditorialFilter(null, null, null, true, word), 1, 10).items().get(0);
        assertTrue(item.ro().reviewOverdue());
        assertNull(item.ru());
        assertEquals("munca", item.categoryKey());
    }

    private static List<String> keys(EditorialFilter filter) {
        return editorialList.list(filter, 1, 100).items().stream().map(EditorialListItem::key).toList();
    }

    @Test
    void onlyEditorsAndAdministratorsMayWrite() {
        EditableTranslation t = created(unique("Doar editori"), "Text.");
        List<Long> before = rowCounts();
        assertEquals(Code.NOT_ALLOWED, assertInstanceOf(Rejected.class, editorial.publishNow(trainer, t.key(), Language.RO,
                t.version(), t.toDraft())).problems().get(0).code());
        assertEquals(Code.NOT_ALLOWED, assertInstanceOf(Rejected.class, editorial.create(null, Language.RO,
                ArticleDraft.of("Anonim", "Text."))).problems().get(0).code());
        assertEquals(before, rowCounts());
    }

    @Test
    void anUnknownCategoryATakenSlugAndACoverWithoutAltTextAreRefusedWithReasons() {
        EditableTranslation first = created(unique("Slug ocupat"), "Text.");
        EditableTranslation t = created(unique("Alt articol"), "Text.");
        List<Long> before = rowCounts();
        SaveResult result = editorial.saveDraft(editor, t.key(), Language.RO, t.version(), t.toDraft()
                .withCategory("nu-exista").withSlug(first.slug()));
        assertEquals(List.of(new EditorialProblem("category", Code.CATEGORY_UNKNOWN, null),
                new EditorialProblem("slug", Code.SLUG_TAKEN, null)), assertInstanceOf(Rejected.class, result).problems());
        SaveResult noAlt = editorial.saveDraft(editor, t.key(), Language.RO, t.version(),
                t.toDraft().withCover("0123456789abcdef0123456789abcdef", "  "));
        assertTrue(assertInstanceOf(Rejected.class, noAlt).problems()
                .contains(new EditorialProblem("coverAlt", Code.COVER_ALT_REQUIRED, null)));
        assertEquals(before, rowCounts());
    }

    /** The list of hostile input, each with the reason it is refused for. */
    static Stream<Arguments> refusedInput() {
        ArticleDraft ok = ArticleDraft.of("Titlu bun", "Corp bun.");
        return Stream.of(
                Arguments.of("100 KB title", ok.withTitle("a".repeat(100_000)), "title", Code.TOO_LONG),
                Arguments.of("10 MB body", ok.withBody("b".repeat(10_000_000)), "body", Code.TOO_LONG),
                Arguments.of("NUL in the title", ok.withTitle("Titlu\u0000ascuns"), "title", Code.INVISIBLE_CHARACTER),
                Arguments.of("NUL in the body", ok.withBody("Corp\u0000"), "body", Code.INVISIBLE_CHARACTER),
                Arguments.of("right-to-left override in the title", ok.withTitle("factura\u202Efdp.exe"), "title",
                        Code.INVISIBLE_CHARACTER),
                Arguments.of("right-to-left override in the body", ok.withBody("Vezi \u202Eknil"), "body",
                        Code.INVISIBLE_CHARACTER),
                Arguments.of("broken UTF-8 (replacement character)", ok.withBody("Caf\uFFFD"), "body",
                        Code.BROKEN_CHARACTER),
                Arguments.of("broken UTF-16 (lone surrogate)", ok.withTitle("Titlu \uD800"), "title",
                        Code.BROKEN_CHARACTER),
                Arguments.of("slug with ../", ok.withSlug("../../etc/passwd"), "slug", Code.SLUG_INVALID),
                Arguments.of("slug with HTML", ok.withSlug("<b>slug</b>"), "slug", Code.SLUG_INVALID),
                Arguments.of("tag with HTML", ok.withTags("contract, <script>alert(1)</script>"), "tags", Code.TAG_INVALID),
                Arguments.of("tag with a javascript: link", ok.withTags("javascript:alert(1)"), "tags", Code.TAG_INVALID),
                Arguments.of("empty title", ok.withTitle("   "), "title", Code.REQUIRED),
                Arguments.of("summary too long", ok.withSummary("s".repeat(1001)), "summary", Code.TOO_LONG));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedInput")
    void hostileInputIsRefusedWithAReasonAndNothingIsWritten(String what, ArticleDraft draft, String field, Code code) {
        EditableTranslation t = created(unique("Țintă"), "Text.");
        List<Long> before = rowCounts();

        Rejected onSave = assertInstanceOf(Rejected.class,
                editorial.publishNow(editor, t.key(), Language.RO, t.version(), draft));
        Rejected onCreate = assertInstanceOf(Rejected.class, editorial.create(editor, Language.RO, draft));

        assertTrue(onSave.problems().stream().anyMatch(p -> p.field().equals(field) && p.code() == code),
                what + ": " + onSave.problems());
        assertEquals(onSave.problems(), onCreate.problems());
        assertEquals(before, rowCounts(), "no row written");
        assertEquals(t, editorial.load(t.key()).orElseThrow().ro(), "the saved version is untouched");
    }

    @Test
    void htmlScriptsEventHandlersAndDangerousLinksAreRenderedInert() {
        String title = unique("<script>alert('titlu')</script> & <b>bold</b>");
        String body = """
                <script>alert(1)</script>

                <img src=x onerror="alert(2)">

                Inline <span onmouseover="alert(4)">html</span> too.

                [click](javascript:alert(3)) [data](data:text/html;base64,PHNjcmlwdD4=) [vb](vbscript:x)
                [ok](https://example.org) [mail](mailto:a@example.org) [call](tel:080077777) [local](/ro/cautare)
                """;
        EditableTranslation t = saved(editorial.publishNow(editor, created(title, "x").key(), Language.RO, 0,
                ArticleDraft.of(title, body).withSlug("continut-ostil-" + UUID.randomUUID().toString().substring(0, 6))));

        assertEquals(title, t.title(), "a title is text: stored as typed, escaped wherever it is shown");
        String html = articles.bySlug(Language.RO, t.slug()).orElseThrow().bodyHtml();
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("<span"), html);
        assertTrue(html.contains("&lt;script&gt;"), html);
        assertFalse(html.toLowerCase().contains("href=\"javascript:"), html);
        assertFalse(html.toLowerCase().contains("href=\"data:"), html);
        assertFalse(html.toLowerCase().contains("href=\"vbscript:"), html);
        assertTrue(html.contains("href=\"https://example.org\""), html);
        assertTrue(html.contains("href=\"mailto:a@example.org\""), html);
        assertTrue(html.contains("href=\"tel:080077777\""), html);
        assertTrue(html.contains("href=\"/ro/cautare\""), html);
    }

    @Test
    void windowsLineEndingsAreStoredAsPlainLineBreaks() {
        EditableTranslation t = created(unique("CRLF"), "Unu.\r\nDoi.\r\n");
        assertEquals("Unu.\nDoi.", t.bodyMarkdown());
    }

    @Test
    void thePreviewIsTheSameSanitizedHtmlAsThePublicPage() {
        assertEquals("<p>&lt;b&gt;x&lt;/b&gt; <a href=\"\">y</a></p>\n", editorial.preview("<b>x</b> [y](javascript:z)"));
    }

    // --- Sources and review dates.

    private static final ArticleSource FACTSHEET = new ArticleSource("Factsheet 2025", "La Strada",
            "https://www.migratiesigura.md", LocalDate.of(2026, 1, 14));

    @Test
    void sourcesAndTheReviewDateAreSavedWithARevisionAndComeBackWithARestore() {
        EditableTranslation t = created(unique("Cu surse"), "Text.");
        ArticleSource law = new ArticleSource("Codul muncii", "Parlamentul", "http://www.legis.md/lege", LocalDate.of(2026, 1, 10));

        EditableTranslation v2 = saved(editorial.saveDraft(editor, t.key(), Language.RO, t.version(), t.toDraft()
                .withReview(LocalDate.of(2026, 1, 15), List.of(FACTSHEET, new ArticleSource(" ", "", null, null), law))));

        assertEquals(List.of(FACTSHEET, law), v2.sources(), "a blank row is left out, the order kept");
        assertEquals(LocalDate.of(2026, 1, 15), v2.reviewed());
        EditableTranslation v3 = saved(editorial.saveDraft(editor, t.key(), Language.RO, v2.version(),
                v2.toDraft().withReview(null, List.of(law))));
        assertEquals(List.of(law), v3.sources());
        List<RevisionSummary> revisions = history.revisions(t.key(), Language.RO);
        RevisionDiff diff = history.diff(revisions.get(1).id(), revisions.get(0).id()).orElseThrow();
        assertTrue(diff.fields().stream().anyMatch(f -> f.field().equals("sources")), diff.toString());
        assertTrue(diff.fields().stream().anyMatch(f -> f.field().equals("reviewed")), diff.toString());

        EditableTranslation restored = saved(history.restore(editor, revisions.get(1).id(), v3.version()));

        assertEquals(List.of(FACTSHEET, law), restored.sources());
        assertEquals(LocalDate.of(2026, 1, 15), restored.reviewed());
    }

    @Test
    void aSourceWithoutAnHttpAddressOrWithoutADateIsRefusedAndNothingIsWritten() {
        EditableTranslation t = created(unique("Sursă rea"), "Text.");
        List<Long> before = rowCounts();

        SaveResult result = editorial.saveDraft(editor, t.key(), Language.RO, t.version(), t.toDraft().withReview(null,
                List.of(FACTSHEET, new ArticleSource("Alta", "Cineva", "javascript:alert(1)", null))));

        Rejected rejected = assertInstanceOf(Rejected.class, result);
        assertEquals(List.of(new EditorialProblem("source.1.url", Code.SOURCE_URL_INVALID, null),
                new EditorialProblem("source.1.consulted", Code.REQUIRED, null)), rejected.problems());
        assertEquals(before, rowCounts());
        assertEquals(List.of(), editorial.load(t.key()).orElseThrow().ro().sources());
    }

    @Test
    void theReviewListNamesVersionsOverdueUnsourcedOrNeverReviewed() {
        EditableTranslation fine = created(unique("Verificat"), "Text.");
        fine = saved(editorial.saveDraft(editor, fine.key(), Language.RO, fine.version(), fine.toDraft()
                .withReviewBy(LocalDate.of(2026, 6, 1)).withReview(LocalDate.of(2026, 1, 14), List.of(FACTSHEET))));
        EditableTranslation overdue = created(unique("Depășit"), "Text.");
        saved(editorial.saveDraft(editor, overdue.key(), Language.RO, overdue.version(), overdue.toDraft()
                .withReviewBy(LocalDate.of(2026, 1, 1)).withReview(LocalDate.of(2025, 6, 1), List.of(FACTSHEET))));
        EditableTranslation unsourced = created(unique("Fără surse"), "Text.");

        List<ReviewItem> due = editorialList.reviewDue();

        String fineKey = fine.key();
        assertTrue(due.stream().noneMatch(i -> i.key().equals(fineKey)), due.toString());
        ReviewItem late = due.stream().filter(i -> i.key().equals(overdue.key())).findFirst().orElseThrow();
        assertTrue(late.overdue() && !late.unsourced() && !late.neverReviewed(), late.toString());
        ReviewItem bare = due.stream().filter(i -> i.key().equals(unsourced.key())).findFirst().orElseThrow();
        assertTrue(!bare.overdue() && bare.unsourced() && bare.neverReviewed(), bare.toString());
        assertTrue(due.indexOf(late) < due.indexOf(bare), "overdue first");
        assertEquals(due.size(), editorialList.reviewDueCount());
    }
}
