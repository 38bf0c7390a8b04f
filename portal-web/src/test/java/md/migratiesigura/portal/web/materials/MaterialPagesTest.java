package md.migratiesigura.portal.web.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.materials.Audience;
import md.migratiesigura.portal.materials.FileKind;
import md.migratiesigura.portal.materials.MaterialView;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.TestPortal;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.StaffTesting;
import org.apache.wicket.util.file.File;
import org.apache.wicket.util.tester.FormTester;
import org.apache.wicket.util.tester.WicketTester;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The materials' pages on a core of their own: the readers' library in both languages (stateless, filters, the
 * bundled leaflets), and the back office (roles, an upload, a refused file with its message, retire).
 */
class MaterialPagesTest {

    private static PortalConfig config;
    private static PortalServices services;
    private static String editorEmail;
    private static String trainerEmail;
    private WicketTester tester;

    @BeforeAll
    static void startCore() {
        config = TestPortal.newConfig("portal-materials-test");
        services = PortalCore.start(config);
        TestPortal.firstPasswordChanged(services);
        editorEmail = TestPortal.newStaff(services, Role.EDITOR);
        trainerEmail = TestPortal.newStaff(services, Role.TRAINER);
        BundledMaterials.ensure(services.articles(), services.materials());
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

    private static String library(Language language) {
        return language == Language.RO ? "ro/materiale" : "ru/materialy";
    }

    @Test
    void fourBundledLeafletsAreMadeInBothLanguagesOnceFromTheArticles() {
        List<MaterialView> bundled = services.materials().published(null, null).stream().filter(MaterialView::bundled).toList();
        assertEquals(4, bundled.size());
        for (MaterialView material : bundled) {
            for (Language language : Language.values()) {
                assertEquals(FileKind.PDF, material.file(language).orElseThrow().kind(), material.key());
            }
        }
        MaterialView leaflet = bundled.stream().filter(m -> m.key().equals("verifica-inainte-de-plecare")).findFirst().orElseThrow();
        assertEquals("Lista de verificare înainte de plecare", leaflet.title(Language.RO));
        long files = services.materials().published(null, null).stream().mapToLong(m -> m.files().size()).sum();

        BundledMaterials.ensure(services.articles(), services.materials());

        List<MaterialView> again = services.materials().published(null, null);
        assertEquals(files, again.stream().mapToLong(m -> m.files().size()).sum());
        assertEquals(leaflet.file(Language.RO).orElseThrow().fileId(), again.stream()
                .filter(m -> m.key().equals(leaflet.key())).findFirst().orElseThrow().file(Language.RO).orElseThrow().fileId(),
                "nothing made again at the next start");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theLibraryIsStatelessAndShowsEachFilesTypeAndSizeBeforeDownload(Language language) {
        tester.executeUrl(library(language));
        tester.assertRenderedPage(MaterialsPage.class);
        assertTrue(tester.getLastRenderedPage().isPageStateless(), "anonymous visitors must get no session");
        assertTrue(tester.getSession().isTemporary());
        String html = tester.getLastResponseAsString();
        MaterialView leaflet = services.materials().byKey("semnele-exploatarii-prin-munca").orElseThrow();
        assertTrue(html.contains(leaflet.title(language)));
        assertTrue(html.contains("/files/materials/semnele-exploatarii-prin-munca/" + language.code() + ".pdf"));
        assertTrue(html.contains("/files/materials/semnele-exploatarii-prin-munca/ro-thumbnail.jpg")
                || html.contains("/files/materials/semnele-exploatarii-prin-munca/ru-thumbnail.jpg"));
        assertTrue(Pattern.compile("PDF, [0-9]+ " + (language == Language.RO ? "KB" : "КБ") + "<").matcher(html).find(),
                "the file's type and size");
        assertTrue(html.contains(language == Language.RO ? "Descarcă în rusă" : "Скачать на румынском"));
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void filtersByTopicAndAudienceAndAnUnknownFilterIsA400(Language language) {
        tester.executeUrl(library(language) + "?topic=familie");
        String html = tester.getLastResponseAsString();
        assertTrue(html.contains(services.materials().byKey("semne-ca-o-ruda-ar-putea-fi-exploatata").orElseThrow().title(language)));
        assertFalse(html.contains(services.materials().byKey("semnele-exploatarii-prin-munca").orElseThrow().title(language)));

        tester.executeUrl(library(language) + "?audience=parents&topic=munca");
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO
                ? "Nu există materiale pentru filtrul ales." : "Для выбранного фильтра материалов нет."));

        tester.executeUrl(library(language) + "?audience=aliens");
        assertEquals(400, tester.getLastResponse().getStatus());
        assertTrue(tester.getLastResponseAsString().contains(language == Language.RO
                ? "Filtrul ales nu există" : "Такого фильтра нет"));
    }

    @Test
    void counsellorsAreRefusedAndTrainersSeeTheListButCannotUpload() {
        StaffTesting.signIn(tester, TestPortal.newStaff(services, Role.COUNSELLOR), TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/materials");
        tester.assertRenderedPage(AccessDeniedPage.class);
        assertEquals(403, tester.getLastResponse().getStatus());
        tester.destroy();

        tester = new WicketTester(new PortalApplication(services, config));
        StaffTesting.signIn(tester, trainerEmail, TestPortal.STAFF_PASSWORD);
        tester.executeUrl("admin/materials");
        tester.assertRenderedPage(MaterialsAdminPage.class);
        assertEquals("no-store", tester.getLastResponse().getHeader("Cache-Control"));
        assertTrue(tester.getLastResponseAsString().contains("RO · PDF"), "each file to download");
        tester.executeUrl("admin/materials/new");
        tester.assertRenderedPage(AccessDeniedPage.class);
    }

    @Test
    void anEditorUploadsAPosterAndRetiresItAndAFakePdfIsRefusedWithAMessage() throws IOException {
        StaffTesting.signIn(tester, editorEmail, TestPortal.STAFF_PASSWORD);
        String title = "Afiș de test " + UUID.randomUUID().toString().substring(0, 6);
        Path fake = Files.createTempFile("fake", ".pdf");
        Files.writeString(fake, "%PDF-1.7\nnot really\n");
        tester.executeUrl("admin/materials/new");
        tester.assertRenderedPage(MaterialEditPage.class);
        FormTester form = fill(title);
        form.setFile("fileRo", new File(fake.toFile()), "application/pdf");
        StaffTesting.submit(tester, form);
        tester.assertRenderedPage(MaterialEditPage.class);
        assertTrue(tester.getLastResponseAsString().contains("nu poate fi deschis"), tester.getLastResponseAsString());
        assertTrue(services.materials().published(null, null).stream().noneMatch(m -> m.title(Language.RO).equals(title)));

        Path poster = Files.createTempFile("poster", ".png");
        Files.write(poster, TestImages.png(600, 800));
        tester.executeUrl("admin/materials/new");
        form = fill(title);
        form.setFile("fileRu", new File(poster.toFile()), "image/png");
        StaffTesting.submit(tester, form);
        tester.assertRenderedPage(MaterialsAdminPage.class);
        MaterialView saved = services.materials().published(null, Audience.PUPILS).stream()
                .filter(m -> m.title(Language.RO).equals(title)).findFirst().orElseThrow();
        assertEquals(FileKind.PNG, saved.file(Language.RU).orElseThrow().kind());
        assertEquals(AuditAction.MATERIAL_CREATED, services.audit().newest(0, 1).get(0).action());

        services.materials().retire(TestPortal.administrator(services), saved.key());
        tester.executeUrl("ro/materiale");
        assertFalse(tester.getLastResponseAsString().contains(title), "retired: hidden from readers");
        tester.executeUrl("admin/materials");
        assertTrue(tester.getLastResponseAsString().contains(title), "kept in the back office");
    }

    private FormTester fill(String title) {
        FormTester form = tester.newFormTester("form");
        form.setValue("titleRo", title);
        form.setValue("titleRu", "Плакат " + title);
        form.setValue("descriptionRo", "Descriere");
        form.setValue("descriptionRu", "Описание");
        form.select("topic", 0);
        form.select("audience", 0);
        return form;
    }
}
