package md.migratiesigura.portal.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import md.migratiesigura.portal.article.ArticleDraft;
import md.migratiesigura.portal.article.EditableTranslation;
import md.migratiesigura.portal.article.EditorialProblem;
import md.migratiesigura.portal.article.ReservedSlugs;
import md.migratiesigura.portal.article.SaveResult;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.navigation.NavigationItem;
import md.migratiesigura.portal.navigation.NavigationPlace;
import md.migratiesigura.portal.navigation.NavigationTarget;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.web.OwnCoreTest;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import md.migratiesigura.portal.web.article.ArticleEditPage;
import md.migratiesigura.portal.web.article.PagesPage;
import md.migratiesigura.portal.web.common.LanguageMountedMapper;
import md.migratiesigura.portal.web.common.NotFoundPage;
import md.migratiesigura.portal.web.home.HomePage;
import md.migratiesigura.portal.web.report.RetrospectivePage;
import md.migratiesigura.portal.web.search.SearchPage;
import org.apache.wicket.request.IRequestMapper;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Pages and the navigation in WicketTester, on a real core of their own (a changed navigation must not change what
 * the other tests see): the bundled pages at their addresses, slugs that would shadow a fixed address, publishing
 * and unpublishing, and an editor's navigation reaching every public page's header.
 */
class PagesAndNavigationTest extends OwnCoreTest {

    PagesAndNavigationTest() {
        super("portal-pages-test");
    }

    private SignedInUser admin() {
        return TestPortal.administrator(core);
    }

    @ParameterizedTest
    @CsvSource({
            "ro/despre, Despre Linia Fierbinte, /ru/o-nas",
            "ru/o-nas, О горячей линии, /ro/despre",
            "ro/contacte, href=\"tel:080077777\", /ru/kontakty",
            "ru/kontakty, href=\"mailto:office@lastrada.md\", /ro/contacte",
            "ro/parteneri, Cancelaria de Stat, /ru/partnery",
            "ru/konfidentsialnost, Быстрый выход, /ro/confidentialitate",
            "ro/accesibilitate, Sari la conținut, /ru/dostupnost"})
    void theBundledPagesAreAtTheirAddressesAndLinkToTheOtherLanguage(String path, String text, String other) {
        tester.executeUrl(path);
        tester.assertRenderedPage(PagePage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(text), text);
        assertTrue(html.contains("hreflang=\"" + other.substring(1, 3) + "\"") && html.contains(other), other);
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "no session, no cookie for readers");
    }

    @ParameterizedTest
    @CsvSource({"ro/cautare?q=contract", "ro/evenimente", "ru/poisk?q=paspport", "ro/"})
    void fixedAddressesStillAnswerThemselves(String path) {
        tester.executeUrl(path);
        assertFalse(tester.getLastRenderedPage() instanceof PagePage, path + " is not a page");
        assertEquals(200, tester.getLastResponse().getStatus());
    }

    @Test
    void theHomeIsStillTheHome() {
        tester.executeUrl("ro/");
        tester.assertRenderedPage(HomePage.class);
        tester.executeUrl("ru/poisk?q=contract");
        tester.assertRenderedPage(SearchPage.class);
    }

    @Test
    void anUnknownSlugAnswersTheLocalized404() {
        tester.executeUrl("ru/net-takoi-stranitsy");
        tester.assertRenderedPage(NotFoundPage.class);
        assertEquals(404, tester.getLastResponse().getStatus());
    }

    /** Every fixed public address mounted in a language starts with a segment no page may take in that language. */
    @Test
    void everyFixedAddressIsReservedFromPages() {
        PortalApplication application = (PortalApplication) tester.getApplication();
        List<String> unreserved = new ArrayList<>();
        for (IRequestMapper mapper : application.getRootRequestMapperAsCompound()) {
            if (mapper instanceof LanguageMountedMapper m && m.pageClass() != PagePage.class) {
                String[] segments = m.mountPath().split("/");
                if (segments.length > 2) {
                    Language language = Language.ofCode(m.language()).orElseThrow();
                    if (!ReservedSlugs.isReserved(language, segments[2])) {
                        unreserved.add(m.mountPath());
                    }
                }
            }
        }
        assertEquals(List.of(), unreserved);
    }

    @ParameterizedTest
    @CsvSource({"RO, Cautare", "RO, Evenimente", "RU, Poisk", "RU, Otchet"})
    void aPageCannotTakeTheAddressOfAFixedSection(Language language, String title) {
        SaveResult result = core.editorial().createPage(admin(), language, ArticleDraft.of(title, "Text."));
        SaveResult.Rejected rejected = assertInstanceOf(SaveResult.Rejected.class, result);
        assertEquals(EditorialProblem.Code.SLUG_RESERVED, rejected.problems().get(0).code());
    }

    @Test
    void anEditorWhoNamesANewPageLikeAFixedSectionIsToldWhyInTheirLanguage() {
        StaffTesting.signIn(tester, TestPortal.newStaff(core, Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/pages/new");
        FormTester form = tester.newFormTester("form");
        form.select("language", 0);
        form.setValue("title", "Căutare");
        form.setValue("body", "Text.");
        StaffTesting.submit(tester, form);
        assertTrue(tester.getLastResponseAsString().contains(
                "Adresa este a unei secțiuni fixe a portalului; alegeți alta pentru această pagină."));
        assertEquals(0, core.editorialList().pages().stream().filter(p -> p.key().equals("cautare")).count());
    }

    @Test
    void aPublishedPageIsVisibleAndAnUnpublishedOneAnswers404() {
        String title = "Program de vară " + UUID.randomUUID().toString().substring(0, 6);
        EditableTranslation draft = assertInstanceOf(SaveResult.Saved.class, core.editorial().createPage(admin(),
                Language.RO, ArticleDraft.of(title, "Linia răspunde **zilnic**."))).translation();
        tester.executeUrl("ro/" + draft.slug());
        tester.assertRenderedPage(NotFoundPage.class);
        assertEquals(404, tester.getLastResponse().getStatus(), "a draft is not public");

        EditableTranslation published = assertInstanceOf(SaveResult.Saved.class, core.editorial().publishNow(admin(),
                draft.key(), Language.RO, draft.version(), draft.toDraft())).translation();
        tester.executeUrl("ro/" + draft.slug());
        tester.assertRenderedPage(PagePage.class);
        assertTrue(tester.getLastResponseAsString().contains("<strong>zilnic</strong>"));

        assertInstanceOf(SaveResult.Saved.class, core.editorial().unpublish(admin(), draft.key(), Language.RO,
                published.version(), published.toDraft()));
        tester.executeUrl("ro/" + draft.slug());
        tester.assertRenderedPage(NotFoundPage.class);
        assertEquals(404, tester.getLastResponse().getStatus());
    }

    @Test
    void aPageOpensInTheArticlesEditorWithoutCategoryOrCover() {
        StaffTesting.signIn(tester, TestPortal.newStaff(core, Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/articles/despre");
        tester.assertRenderedPage(ArticleEditPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("href=\"/ro/despre\""), "the public link is the page's address");
        assertFalse(html.contains("name=\"category\""), "no category for a page");
        assertFalse(html.contains("type=\"file\""), "no cover for a page");
    }

    @Test
    void anEditorFindsThePagesInTheirListAndTheWayToANewOne() {
        StaffTesting.signIn(tester, TestPortal.newStaff(core, Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/pages");
        tester.assertRenderedPage(PagesPage.class);
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("Despre Linia Fierbinte") && html.contains("О горячей линии"), "both languages");
        assertTrue(html.contains("Pagină nouă"));
        assertFalse(html.contains("Ghid"), "no articles among the pages");
    }

    @Test
    void theCurrentPageIsMarkedInTheMenu() {
        tester.executeUrl("ro/contacte");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<a href=\"/ro/contacte\" aria-current=\"page\">Contacte</a>"), html);
        assertFalse(html.contains("<a href=\"/ro/despre\" aria-current"), "only the current page is marked");
    }

    @Test
    void theMenuFoldsIntoOneButtonThatNeedsNoScript() {
        tester.executeUrl("ru/sobytiya");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains("<details class=\"wrap nav-fold\"><summary>Меню</summary>"), "a details button");
        for (String link : List.of("/ru/proverka-vakansii", "/ru/konsultatsiya", "/ru/chat", "/ru/sobytiya", "/ru/o-nas",
                "/ru/kontakty", "/ru/partnery", "/ru/konfidentsialnost")) {
            assertTrue(html.contains("href=\"" + link + "\""), link);
        }
    }

    @Test
    void anEditorAddsAMenuEntryAndEveryPublicPageShowsItOnceSaved() {
        String title = "Pentru profesioniști " + UUID.randomUUID().toString().substring(0, 6);
        EditableTranslation draft = assertInstanceOf(SaveResult.Saved.class, core.editorial().createPage(admin(),
                Language.RO, ArticleDraft.of(title, "Instruiri."))).translation();
        SaveResult published = core.editorial().publishNow(admin(), draft.key(), Language.RO, draft.version(),
                draft.toDraft());
        assertInstanceOf(SaveResult.Saved.class, published, String.valueOf(published));

        StaffTesting.signIn(tester, TestPortal.newStaff(core, Role.EDITOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/navigation?for=ro");
        tester.assertRenderedPage(NavigationEditPage.class);
        FormTester add = tester.newFormTester("form");
        add.select("newTarget", optionIndex("PAGE:" + draft.key()));
        add.select("newPlace", 0);
        add.setValue("newLabel", "Profesioniști");
        StaffTesting.submit(tester, add, "add");
        assertTrue(tester.getLastResponseAsString().contains("href=\"/ro/" + draft.slug() + "\">Profesioniști</a>"),
                "the preview shows it");
        tester.executeUrl("ro/");
        assertFalse(tester.getLastResponseAsString().contains("Profesioniști</a>"), "not public before it is saved");

        tester.executeUrl("admin/navigation?for=ro");
        add = tester.newFormTester("form");
        add.select("newTarget", optionIndex("PAGE:" + draft.key()));
        add.setValue("newLabel", "Profesioniști");
        StaffTesting.submit(tester, add, "add");
        long before = ContentVersion.current();
        StaffTesting.submit(tester, tester.newFormTester("form"), "save");
        assertTrue(tester.getLastResponseAsString().contains("Navigarea a fost salvată"));
        assertTrue(ContentVersion.current() > before, "cached pages are rendered anew");

        for (String path : List.of("ro/", "ro/contacte", "ro/evenimente")) {
            tester.executeUrl(path);
            String html = tester.getLastResponseAsString();
            int nav = html.indexOf("class=\"main-nav\"");
            assertTrue(nav > 0 && html.indexOf("href=\"/ro/" + draft.slug() + "\">Profesioniști</a>", nav) > nav, path);
        }
        tester.executeUrl("ru/");
        assertFalse(tester.getLastResponseAsString().contains("Profesioniști"), "the Russian navigation is its own");

        List<NavigationItem> without = new ArrayList<>(core.navigation().entries(Language.RO));
        without.removeIf(i -> i.targetKind() == NavigationTarget.PAGE && i.target().equals(draft.key()));
        assertEquals(List.of(), core.navigation().save(admin(), Language.RO, without));
        tester.executeUrl("ro/");
        assertFalse(tester.getLastResponseAsString().contains("Profesioniști</a>"), "removed again");
    }

    @ParameterizedTest
    @CsvSource({"ro/raport, 123.768, /ro/raport/2025", "ru/otchet, 48 878, /ru/otchet/2025"})
    void theRetrospectiveListsTheSeededYearWithItsFiguresAndDownloads(String path, String figure, String year) {
        tester.executeUrl(path);
        tester.assertRenderedPage(RetrospectivePage.class);
        String html = tester.getLastResponseAsString().replace('\u00a0', ' ').replace('\u202f', ' ');
        assertTrue(html.contains("href=\"" + year + "\">2025</a>"), "the year links to its report");
        assertTrue(html.contains(figure), figure);
        assertTrue(html.contains("href=\"" + year + "/report.pdf\"") && html.contains("href=\"" + year + "/months.csv\""));
        assertTrue(tester.getLastRenderedPage().isPageStateless());
    }

    @Test
    void aNavigationPointingAtNothingIsRefusedAndNothingChanges() {
        List<NavigationItem> before = core.navigation().entries(Language.RU);
        List<NavigationItem> bad = new ArrayList<>(before);
        bad.add(new NavigationItem(NavigationPlace.MAIN, NavigationTarget.PAGE, "no-such-page", null));
        assertEquals(1, core.navigation().save(admin(), Language.RU, bad).size());
        assertEquals(before, core.navigation().entries(Language.RU));
    }

    @ParameterizedTest
    @EnumSource(value = Role.class, names = {"TRAINER", "COUNSELLOR"})
    void onlyEditorsAndAdministratorsChangePagesAndNavigation(Role role) {
        StaffTesting.signIn(tester, TestPortal.newStaff(core, role), TestPortal.STAFF_PASSWORD);
        for (String path : List.of("admin/navigation", "admin/pages", "admin/pages/new")) {
            tester.executeUrl(path);
            tester.assertRenderedPage(AccessDeniedPage.class);
            assertEquals(403, tester.getLastResponse().getStatus());
        }
    }

    /** The position of a target among the add form's choices (the empty one not counted), as FormTester wants it. */
    private int optionIndex(String code) {
        String html = tester.getLastResponseAsString();
        int select = html.indexOf("name=\"newTarget\"");
        String options = html.substring(select, html.indexOf("</select>", select));
        Matcher values = Pattern.compile("<option[^>]*value=\"([^\"]*)\"").matcher(options);
        int index = 0;
        while (values.find()) {
            if (values.group(1).equals(code)) {
                return index;
            }
            if (!values.group(1).isEmpty()) {
                index++;
            }
        }
        throw new AssertionError(code + " is not offered");
    }
}
