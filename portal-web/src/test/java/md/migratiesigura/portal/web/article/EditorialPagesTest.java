package md.migratiesigura.portal.web.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import javax.imageio.ImageIO;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.article.ArticleDraft;
import md.migratiesigura.portal.article.ArticleSource;
import md.migratiesigura.portal.article.ArticleStatus;
import md.migratiesigura.portal.article.EditableArticle;
import md.migratiesigura.portal.article.EditableTranslation;
import md.migratiesigura.portal.article.SaveResult;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The editorial pages in WicketTester on a real core of their own (what they publish must not change what the public
 * page tests see on the shared one): roles, the editor, conflicts, revisions, translations.
 */
class EditorialPagesTest {

    private static PortalConfig config;
    private static PortalServices services;
    private WicketTester tester;

    @BeforeAll
    static void startCore() throws IOException {
        Map<String, String> env = TestDatabases.portalEnvironment(Files.createTempDirectory("portal-editorial-test"));
        env.put("PORTAL_ADMIN_EMAIL", TestPortal.ADMIN_EMAIL);
        env.put("PORTAL_ADMIN_PASSWORD", TestPortal.ADMIN_PASSWORD);
        config = PortalConfig.from(env, new Properties());
        services = PortalCore.start(config);
    }

    @AfterAll
    static void closeCore() {
        services.close();
    }

    @BeforeEach
    void setUp() {
        tester = new WicketTester(new PortalApplication(services, config));
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    private static SignedInUser admin() {
        return services.users().list().stream().filter(u -> u.email().equals(TestPortal.ADMIN_EMAIL))
                .map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role())).findFirst().orElseThrow();
    }

    /** A new account with the role and {@link TestPortal#STAFF_PASSWORD}; returns its e-mail. */
    private static String newStaff(Role role) {
        String email = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        services.users().create(admin(), new NewUser(email, "Test " + role.name().toLowerCase(), role,
                TestPortal.STAFF_PASSWORD));
        return email;
    }

    /** A draft article made through the service, Romanian only. */
    private static EditableTranslation draft(String title, String body) {
        SaveResult result = services.editorial().create(admin(), Language.RO, ArticleDraft.of(title, body));
        return assertInstanceOf(SaveResult.Saved.class, result, String.valueOf(result)).translation();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    @ParameterizedTest
    @CsvSource({"TRAINER,admin/articles", "COUNSELLOR,admin/articles", "TRAINER,admin/articles/new",
            "COUNSELLOR,admin/translations", "TRAINER,admin/articles/linia-fierbinte",
            "COUNSELLOR,admin/articles/linia-fierbinte/revisions?lang=ro"})
    void trainersAndCounsellorsGetA403ForTheEditorialPages(Role role, String path) {
        StaffTesting.signIn(tester, newStaff(role), TestPortal.STAFF_PASSWORD);
        String dashboard = tester.getLastResponseAsString();
        assertFalse(dashboard.contains("Articole"), "not offered");

        tester.executeUrl(path);

        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
    }

    @Test
    void anEditorIsOfferedArticlesAndTranslationsButNotUsers() {
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Articole") && html.contains("Traduceri"), html);
        assertFalse(html.contains("Utilizatori"));
    }

    @Test
    void theListShowsBothLanguagesAndFindsByTitleWithoutDiacritics() {
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles?q=pasaport");
        tester.assertRenderedPage(ArticlesPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Pașaport"), "Romanian title found without its diacritics");
        assertTrue(html.contains("lang=\"ru\""), "the Russian column");
        assertTrue(html.contains("Publicat"), "status badges");

        tester.executeUrl("admin/articles?status=DRAFT&q=" + UUID.randomUUID());
        assertTrue(tester.getLastResponseAsString().contains("Niciun articol nu corespunde filtrului."));
    }

    @Test
    void anEditorCreatesAnArticleWritesTheOtherLanguageAndPublishesBoth() {
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/new");
        String title = unique("Ghid pentru sezonieri");
        FormTester create = tester.newFormTester("form");
        create.select("language", 0);
        create.setValue("title", title);
        create.setValue("body", "## Înainte de plecare\n\nVerifică **contractul**.");
        StaffTesting.submit(tester, create);
        tester.assertRenderedPage(ArticleEditPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Articolul a fost creat ca ciornă."));
        String key = tester.getLastRenderedPage().getPageParameters().get("key").toString();

        FormTester ro = tester.newFormTester("first:form");
        StaffTesting.submit(tester, ro, "publish");
        tester.assertNoErrorMessage();
        assertTrue(tester.getLastResponseAsString().contains("Salvat și publicat."));

        FormTester ru = tester.newFormTester("second:form");
        ru.setValue("title", "Гид для сезонных работников " + key);
        ru.setValue("body", "## Перед отъездом\n\nПроверьте **договор**.");
        ru.setValue("follows", true);
        StaffTesting.submit(tester, ru, "publish");
        tester.assertNoErrorMessage();

        EditableArticle saved = services.editorial().load(key).orElseThrow();
        assertEquals(ArticleStatus.PUBLISHED, saved.ro().status());
        assertEquals(ArticleStatus.PUBLISHED, saved.ru().status());
        assertTrue(saved.ru().slug().startsWith("gid-dlya-sezonnykh-rabotnikov"), saved.ru().slug());
        tester.executeUrl("ru/stati/" + saved.ru().slug());
        tester.assertRenderedPage(ArticlePage.class);
        assertTrue(tester.getLastResponseAsString().contains("<strong>договор</strong>"));
    }

    @Test
    void aSaveOnTopOfSomeoneElsesShowsAClearMessageAndKeepsTheEditorsText() {
        EditableTranslation t = draft(unique("Conflict în pagină"), "Textul inițial.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        // Meanwhile another editor saves the same version.
        services.editorial().saveDraft(admin(), t.key(), Language.RO, t.version(),
                t.toDraft().withBody("Salvat de colegă."));

        FormTester form = tester.newFormTester("first:form");
        form.setValue("body", "Textul meu nou, scris cu grijă.");
        StaffTesting.submit(tester, form, "save");

        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Altcineva a salvat această versiune după ce ai deschis-o."), "a clear message");
        assertTrue(html.contains("Textul meu nou, scris cu grijă.</textarea>"), "the editor's text stays in the form");
        assertTrue(html.contains("Salvat de colegă."), "their text is shown");
        assertEquals("Salvat de colegă.", services.editorial().load(t.key()).orElseThrow().ro().bodyMarkdown());

        StaffTesting.submit(tester, tester.newFormTester("first:form"), "save");
        assertEquals("Textul meu nou, scris cu grijă.",
                services.editorial().load(t.key()).orElseThrow().ro().bodyMarkdown(), "saved knowingly");
    }

    @Test
    void thePrePublishChecksWarnButNeitherChangeNorBlockThePublication() {
        EditableTranslation t = draft(unique("Verificări"), "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        assertFalse(tester.getLastResponseAsString().contains("Verificări înainte de publicare"), "nothing to say yet");
        String body = "## Acte\n\n#### Pașaport\n\nVezi [click aici](https://example.org/) și ![](/media/x.jpg).";
        FormTester form = tester.newFormTester("first:form");
        form.setValue("body", body);
        StaffTesting.submit(tester, form, "publish");

        tester.assertNoErrorMessage();
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Verificări înainte de publicare"), html);
        assertTrue(html.contains("Un nivel de titlu este sărit"));
        assertTrue(html.contains(">click aici</code>"), "the vague link text is named");
        assertTrue(html.contains("Imagine fără text alternativ"));
        EditableTranslation saved = services.editorial().load(t.key()).orElseThrow().ro();
        assertEquals(ArticleStatus.PUBLISHED, saved.status(), "published all the same");
        assertEquals(body, saved.bodyMarkdown(), "nothing fixed silently");
    }

    @Test
    void refusedInputGetsAMessageOnItsFieldAndTheTextStays() {
        EditableTranslation t = draft(unique("Date greșite"), "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        FormTester form = tester.newFormTester("first:form");
        form.setValue("slug", "../../etc/passwd");
        form.setValue("tags", "contract, <script>");
        form.setValue("title", "Titlu cu \u202Einversare");
        form.setValue("body", "Corpul meu păstrat.");
        StaffTesting.submit(tester, form, "publish");

        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("„Adresa (slug)” poate conține doar litere latine mici"), html);
        assertTrue(html.contains("Eticheta „&lt;script&gt;” nu este validă"), "the tag is named, escaped");
        assertTrue(html.contains("„Titlu” conține un caracter invizibil de control"));
        assertTrue(html.contains("Corpul meu păstrat.</textarea>"));
        assertEquals(t, services.editorial().load(t.key()).orElseThrow().ro(), "nothing saved");
    }

    @Test
    void aTitleWithHtmlIsShownAsTextEverywhere() {
        String title = unique("<img src=x onerror=alert(1)> Titlu");
        EditableTranslation t = draft(title, "Text.");
        services.editorial().publishNow(admin(), t.key(), Language.RO, t.version(), t.toDraft());
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);

        tester.executeUrl("admin/articles/" + t.key());
        assertFalse(tester.getLastResponseAsString().contains("<img src=x"));
        tester.executeUrl("admin/articles?q=" + title.substring(title.length() - 8));
        assertTrue(tester.getLastResponseAsString().contains("&lt;img src=x onerror=alert(1)&gt;"));
        tester.executeUrl("ro/articole/" + t.slug());
        assertFalse(tester.getLastResponseAsString().contains("<img src=x"));
    }

    @Test
    void thePreviewButtonRendersTheBodyOnTheServerAsThePublicPageWould() {
        EditableTranslation t = draft(unique("Previzualizare"), "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        FormTester form = tester.newFormTester("first:form");
        form.setValue("body", "# Titlu mare\n\n<script>alert(1)</script> [rău](javascript:alert(2))");
        StaffTesting.submit(tester, form, "preview");

        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<h1 id=\"titlu-mare\">Titlu mare</h1>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertFalse(html.contains("href=\"javascript:"));
        assertEquals("Text.", services.editorial().load(t.key()).orElseThrow().ro().bodyMarkdown(),
                "previewing saves nothing");
        assertTrue(html.matches("(?s).*<script [^>]*src=\"[^\"]*editor-preview[^\"]*\\.js\"[^>]*nonce=.*"),
                "the live preview script, from our own origin, allowed by the page's nonce");
    }

    @Test
    void theLivePreviewEndpointAnswersOnlyAnEditorFromThePortalsOwnPages() {
        tester.getRequest().setMethod("POST");
        tester.addRequestHeader("sec-fetch-site", "same-origin");
        tester.executeUrl("admin/preview");
        assertEquals(403, tester.getLastResponse().getStatus(), "not signed in");

        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        preview("same-origin", "**tare** <b>x</b>");
        assertEquals(200, tester.getLastResponse().getStatus());
        assertEquals("<p><strong>tare</strong> &lt;b&gt;x&lt;/b&gt;</p>\n", tester.getLastResponseAsString());

        preview("cross-site", "x");
        assertEquals(403, tester.getLastResponse().getStatus(), "another site cannot use the editor's session");

        tester.executeUrl("admin/preview");
        assertEquals(405, tester.getLastResponse().getStatus(), "GET is refused");
    }

    @Test
    void theLivePreviewEndpointRefusesATrainer() {
        StaffTesting.signIn(tester, newStaff(Role.TRAINER), TestPortal.STAFF_PASSWORD);
        preview("same-origin", "x");
        assertEquals(403, tester.getLastResponse().getStatus());
    }

    private void preview(String site, String body) {
        tester.getRequest().setMethod("POST");
        tester.getRequest().setHeader("sec-fetch-site", site);
        tester.getRequest().getPostParameters().setParameterValue("body", body);
        tester.executeUrl("admin/preview");
    }

    @Test
    void aCoverNeedsAltTextAndThenShowsOnThePublicPageWithSizesAndSrcset() throws IOException {
        EditableTranslation t = draft(unique("Cu imagine"), "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        File png = File.createTempFile("cover", ".png");
        ImageIO.write(new BufferedImage(1600, 900, BufferedImage.TYPE_INT_RGB), "png", png);

        FormTester form = tester.newFormTester("first:form");
        form.setFile("coverFile", new org.apache.wicket.util.file.File(png), "image/png");
        StaffTesting.submit(tester, form, "publish");
        assertTrue(tester.getLastResponseAsString().contains("Descrie imaginea în „Descrierea imaginii (text alternativ)”"));
        assertEquals(ArticleStatus.DRAFT, services.editorial().load(t.key()).orElseThrow().ro().status());

        FormTester again = tester.newFormTester("first:form");
        again.setValue("coverAlt", "O femeie verifică un contract la masă");
        StaffTesting.submit(tester, again, "publish");
        tester.assertNoErrorMessage();

        tester.executeUrl("ro/articole/" + t.slug());
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("alt=\"O femeie verifică un contract la masă\""), html);
        assertTrue(html.contains("width=\"1200\"") && html.contains("height=\"675\""));
        assertTrue(html.contains("loading=\"lazy\""));
        assertTrue(html.matches("(?s).*srcset=\"/media/[0-9a-f]{32}-600\\.jpg 600w, /media/[0-9a-f]{32}\\.jpg 1200w\".*"));
        Files.deleteIfExists(png.toPath());
    }

    @Test
    void anHtmlFileNamedLikeAnImageIsRefusedWithAMessage() throws IOException {
        String html = saveWithCover(unique("Fișier fals"), "<html><script>alert(1)</script></html>"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8), ".jpg", "image/jpeg");
        assertTrue(html.contains("Fișierul nu este o imagine JPEG, PNG sau WebP"));
    }

    @Test
    void aPictureThatWouldTakeTooMuchMemoryToDecodeIsRefusedWithAMessage() throws IOException {
        // A lossy WebP header of 2500 × 2000: its reader would keep every macroblock of the frame.
        byte[] webp = java.nio.ByteBuffer.allocate(40).order(java.nio.ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(32)
                .put("WEBPVP8 ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(20)
                .put(new byte[] {0x10, 0, 0, (byte) 0x9d, 0x01, 0x2a}).putShort((short) 2500).putShort((short) 2000)
                .array();
        String html = saveWithCover(unique("Imagine prea grea"), webp, ".webp", "image/webp");
        assertEquals(200, tester.getLastResponse().getStatus());
        assertTrue(html.contains("Imaginea ar cere prea multă memorie pentru a fi prelucrată"));
    }

    /** An editor saves a new draft with {@code bytes} as its cover; the page that answers. */
    private String saveWithCover(String title, byte[] bytes, String suffix, String contentType) throws IOException {
        EditableTranslation t = draft(title, "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        File file = File.createTempFile("photo", suffix);
        try {
            Files.write(file.toPath(), bytes);
            FormTester form = tester.newFormTester("first:form");
            form.setFile("coverFile", new org.apache.wicket.util.file.File(file), contentType);
            form.setValue("coverAlt", "x");
            StaffTesting.submit(tester, form, "save");
            return tester.getLastResponseAsString();
        } finally {
            Files.deleteIfExists(file.toPath());
        }
    }

    @Test
    void theRevisionsPageShowsWhatChangedAndRestoresAnOldRevision() {
        EditableTranslation t = draft(unique("Revizii"), "Primul rând.\nAl doilea rând.");
        SaveResult second = services.editorial().saveDraft(admin(), t.key(), Language.RO, t.version(),
                t.toDraft().withBody("Primul rând.\nAl doilea rând, <em>schimbat</em>."));
        assertInstanceOf(SaveResult.Saved.class, second);
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);

        tester.executeUrl("admin/articles/" + t.key() + "/revisions?lang=ro");
        tester.assertRenderedPage(RevisionsPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Ce s-a schimbat de la #1 la #2"), html);
        assertTrue(html.contains("class=\"diff-removed\""));
        assertTrue(html.contains("Al doilea rând, &lt;em&gt;schimbat&lt;/em&gt;."), "escaped, never rendered");

        FormTester form = tester.newFormTester("form");
        StaffTesting.submit(tester, form, "fromGroup:toGroup:revisions:1:restore");
        tester.assertRenderedPage(ArticleEditPage.class);
        assertTrue(tester.getLastResponseAsString().contains("Revizia #1 a fost restaurată ca revizie nouă."));
        assertEquals("Primul rând.\nAl doilea rând.",
                services.editorial().load(t.key()).orElseThrow().ro().bodyMarkdown());
        assertEquals(AuditAction.ARTICLE_RESTORED, services.audit().newest(0, 1).get(0).action());
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theTranslationMatrixNamesMissingTranslationsInTheUsersLanguage(Language language) {
        EditableTranslation t = draft(unique("Doar română"), "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
        tester.executeUrl("admin/translations");
        tester.assertRenderedPage(TranslationsPage.class);
        String html = tester.getLastResponseAsString();
        String row = html.substring(html.indexOf(t.key()));
        String missing = language == Language.RO ? "Lipsește" : "Отсутствует";
        assertTrue(row.substring(0, row.indexOf("</tr>")).contains(missing), row);
        assertTrue(html.contains("admin/articles/" + t.key()) || html.contains("articles/" + t.key()), "links to the editor");
    }

    // --- Sources and review dates.

    private static void fillSource(FormTester form, int row, String title, String publisher, String url, String consulted) {
        String path = "sources:rows:" + row + ":";
        form.setValue(path + "title", title);
        form.setValue(path + "publisher", publisher);
        form.setValue(path + "url", url);
        form.setValue(path + "consulted", consulted);
    }

    @Test
    void anEditorAddsAndRemovesSourceRowsWithoutScriptAndReadersSeeTheSourcesAtTheEnd() {
        EditableTranslation t = draft(unique("Cu surse"), "## Ce spune legea\n\nText.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        FormTester form = tester.newFormTester("first:form");
        fillSource(form, 0, "Factsheet 2025", "Centrul Internațional „La Strada”", "https://www.migratiesigura.md",
                "2026-12-01");
        StaffTesting.submit(tester, form, "sources:add");
        form = tester.newFormTester("first:form");
        fillSource(form, 1, "Codul penal", "Parlamentul Republicii Moldova", "http://www.legis.md/lege?id=1&lang=ro",
                "2026-12-02");
        StaffTesting.submit(tester, form, "sources:add");
        form = tester.newFormTester("first:form");
        fillSource(form, 2, "De scos", "Cineva", "https://example.org", "2026-12-03");
        StaffTesting.submit(tester, form, "sources:rows:2:remove");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("value=\"Factsheet 2025\"") && html.contains("value=\"Codul penal\""), "typed rows kept");
        assertFalse(html.contains("De scos"), "the removed row is gone");
        assertEquals(List.of(), services.editorial().load(t.key()).orElseThrow().ro().sources(),
                "adding and removing rows saves nothing");

        form = tester.newFormTester("first:form");
        form.setValue("reviewed", "2026-12-04");
        form.setValue("reviewBy", "2027-06-30");
        StaffTesting.submit(tester, form, "publish");
        tester.assertNoErrorMessage();

        EditableTranslation saved = services.editorial().load(t.key()).orElseThrow().ro();
        assertEquals(List.of("Factsheet 2025", "Codul penal"), saved.sources().stream().map(ArticleSource::title).toList());
        assertEquals(java.time.LocalDate.of(2026, 12, 4), saved.reviewed());
        tester.executeUrl("ro/articole/" + saved.slug());
        tester.assertRenderedPage(ArticlePage.class);
        String page = tester.getLastResponseAsString();
        String sources = page.substring(page.indexOf("<section class=\"article-sources\""));
        assertTrue(sources.contains("<h2 id=\"sources-heading\">Surse</h2>"), sources);
        assertTrue(sources.contains("Verificat la 4 decembrie 2026"), sources);
        assertTrue(sources.contains("Următoarea verificare: 30 iunie 2027"), sources);
        assertTrue(sources.contains("href=\"http://www.legis.md/lege?id=1&amp;lang=ro\" rel=\"noopener noreferrer nofollow\""
                + " referrerpolicy=\"no-referrer\""), sources);
        assertTrue(sources.indexOf("Factsheet 2025") < sources.indexOf("Codul penal"), "in the editor's order");
        assertTrue(sources.contains("Centrul Internațional „La Strada”") && sources.contains("consultată la 1 decembrie 2026"),
                sources);
    }

    @Test
    void aSourceWithABadAddressGetsAMessageOnItsRowAndNothingIsSaved() {
        EditableTranslation t = draft(unique("Sursă greșită"), "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/" + t.key());
        FormTester form = tester.newFormTester("first:form");
        fillSource(form, 0, "Legea", "Parlamentul", "javascript:alert(1)", "2026-12-01");
        StaffTesting.submit(tester, form, "sources:add");
        form = tester.newFormTester("first:form");
        fillSource(form, 1, "Fără dată", "Parlamentul", "https://www.legis.md", "31.12.2026");
        StaffTesting.submit(tester, form, "save");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Sursa 2: Scrie data ca 2026-01-31."), html);

        form = tester.newFormTester("first:form");
        form.setValue("sources:rows:1:consulted", "2026-12-01");
        StaffTesting.submit(tester, form, "save");

        html = tester.getLastResponseAsString();
        assertTrue(html.contains("Sursa 1: „Adresa (http:// sau https://)” trebuie să fie o adresă completă"), html);
        assertTrue(html.contains("Nimic nu a fost salvat: corectează sursele marcate."), html);
        assertTrue(html.contains("value=\"javascript:alert(1)\""), "the typed address stays to be corrected");
        assertEquals(t, services.editorial().load(t.key()).orElseThrow().ro(), "nothing saved");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theReviewPageListsUnsourcedArticlesWithALinkToTheEditorAndTheDashboardCountsThem(Language language) {
        EditableTranslation t = draft(unique("Nesursat"), "Text.");
        StaffTesting.signIn(tester, newStaff(Role.EDITOR), TestPortal.STAFF_PASSWORD);
        if (language == Language.RU) {
            StaffTesting.click(tester, "languageSwitch");
        }
        tester.executeUrl("admin/");
        String dashboard = tester.getLastResponseAsString();
        long due = services.editorialList().reviewDueCount();
        assertTrue(due >= 1);
        String notice = dashboard.substring(dashboard.indexOf("review-due"));
        notice = notice.substring(0, notice.indexOf("</p>"));
        assertTrue(notice.contains(">" + due + " ") && notice.contains("review\"")
                && notice.contains(language == Language.RO ? "așteaptă verificarea surselor" : "ждут проверки источников"),
                notice);

        tester.executeUrl("admin/review");
        tester.assertRenderedPage(ReviewPage.class);
        String html = tester.getLastResponseAsString();
        String row = html.substring(html.indexOf(t.title()));
        row = row.substring(0, row.indexOf("</tr>"));
        assertTrue(row.contains(language == Language.RO ? "Fără surse" : "Нет источников"), row);
        assertTrue(row.contains(language == Language.RO ? "Neverificat încă" : "Ещё не проверена"), row);
        assertTrue(html.contains("articles/" + t.key() + "\""), "links to the editor");
    }

    @Test
    void trainersGetA403ForTheReviewPageAndNoCountOnTheirDashboard() {
        StaffTesting.signIn(tester, newStaff(Role.TRAINER), TestPortal.STAFF_PASSWORD);
        assertFalse(tester.getLastResponseAsString().contains("verificarea surselor"));

        tester.executeUrl("admin/review");

        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
    }
}
