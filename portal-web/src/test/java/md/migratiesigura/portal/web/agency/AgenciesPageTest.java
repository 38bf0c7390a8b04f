package md.migratiesigura.portal.web.agency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import md.migratiesigura.portal.agency.AgencyFixtures;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.TestPortal;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The public lookup of licensed agencies, on the invented sample registry. */
class AgenciesPageTest {

    private WicketTester tester;

    @BeforeAll
    static void loadTheSampleRegistry() {
        AgencyFixtures.loadSample(TestPortal.services().agencies());
    }

    @BeforeEach
    void setUp() {
        tester = new WicketTester(TestPortal.newApplication());
    }

    @AfterEach
    void tearDown() {
        tester.destroy();
    }

    private String search(Language language, String query) {
        tester.executeUrl((language == Language.RO ? "ro/agentii" : "ru/agentstva") + "?q="
                + URLEncoder.encode(query, StandardCharsets.UTF_8));
        tester.assertRenderedPage(AgenciesPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "no session for a visitor");
        return tester.getLastResponseAsString();
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aNameTypedWithoutDiacriticsOrLegalFormFindsTheAgencyAndItsValidLicence(Language language) {
        String html = search(language, "munca cinstita");
        assertTrue(html.contains("„Muncă Cinstită” S.R.L."), "the agency is found");
        assertTrue(html.contains(language == Language.RO ? "Licență valabilă până la 31 decembrie 2099"
                : "Лицензия действует до 31 декабря 2099"), "its licence is said to be valid");
        assertTrue(html.contains(language == Language.RO ? "Germania, Israel" : "Германия, Израиль"),
                "countries in the page's language");
        assertTrue(html.contains("Beispiel Bau GmbH; Exemplu Partner Ltd"), "foreign partners");
        assertTrue(html.contains(language == Language.RO ? "Verificat ultima dată în lista oficială" : "Последняя сверка"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void anExpiredLicenceIsSaidPlainly(Language language) {
        String html = search(language, "Ţara Visurilor");
        assertTrue(html.contains(language == Language.RO ? "Licența a expirat pe 31 ianuarie 2020"
                : "Срок лицензии истёк 31 января 2020"), html);
        assertTrue(html.contains("licence-expired"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void aRussianNameWithOooOrAnIdnoFindsTheAgency(Language language) {
        assertTrue(search(language, "ОOO Северный путь").contains("ООО «Северный Путь»"));
        assertTrue(search(language, AgencyFixtures.RUSSIAN_IDNO).contains("ООО «Северный Путь»"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void notFoundIsAdviceToCallTheHotline(Language language) {
        String html = search(language, "Agenția Fantomă");
        assertTrue(html.contains(language == Language.RO ? "nu are voie să te trimită la muncă în străinătate"
                : "не имеет права отправлять вас на работу за рубеж"));
        assertTrue(html.contains("href=\"tel:080077777\""));
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control").replace("no-cache, ", ""));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void whatWasTypedIsShownAsText(Language language) {
        String html = search(language, "<script>alert(1)</script>");
        assertFalse(html.contains("<script>alert(1)"));
    }
}
