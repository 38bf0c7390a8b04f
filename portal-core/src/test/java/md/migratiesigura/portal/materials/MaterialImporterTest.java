package md.migratiesigura.portal.materials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.ImportProblem;
import md.migratiesigura.portal.content.ImportReport;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.storage.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code content/materials/{key}.yml} on a real MariaDB: stored once, again when a file changes, bad files named. */
class MaterialImporterTest {

    @TempDir
    static Path dataDir;
    private static Database db;
    private static MaterialService materials;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));

    @BeforeAll
    static void open() throws Exception {
        db = Database.open(TestDatabases.newConfig(dataDir));
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO categories (category_key, name_ro, name_ru, position) VALUES"
                    + " ('munca', 'Muncă', 'Работа', 1)");
        }
        materials = new MaterialService(db.sessionFactory(), new BlobStore(db.dataSource(), clock),
                new DownloadCounter(db.dataSource(), clock), new AuditService(db.sessionFactory(), clock), clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static final String POSTER = """
            ro: { title: "Afiș: verifică oferta", description: "Afiș pentru școli" }
            ru: { title: "Плакат: проверь предложение", description: "Плакат для школ" }
            topic: munca
            audience: pupils
            files: { ro: afis-ro.pdf, ru: afis-ru.png }
            """;

    @Test
    void aMaterialIsStoredOnceAndAgainWhenOneOfItsFilesChanges(@TempDir Path content) throws Exception {
        Files.createDirectories(content.resolve("materials/files"));
        Files.writeString(content.resolve("materials/afis-verifica.yml"), POSTER, StandardCharsets.UTF_8);
        Files.write(content.resolve("materials/files/afis-ro.pdf"), TestFiles.pdf());
        Files.write(content.resolve("materials/files/afis-ru.png"), TestFiles.image("png", 600, 800));
        MaterialImporter importer = new MaterialImporter(materials);

        ImportReport first = importer.importFolder(content);
        ImportReport second = importer.importFolder(content);
        Files.write(content.resolve("materials/files/afis-ru.png"), TestFiles.image("png", 800, 600));
        ImportReport third = importer.importFolder(content);

        assertEquals(List.of(1, 0, 1), List.of(first.created(), second.created(), third.created()));
        assertEquals(1, second.unchanged());
        MaterialView poster = materials.byKey("afis-verifica").orElseThrow();
        assertEquals("Плакат: проверь предложение", poster.texts().title(Language.RU));
        assertEquals(Audience.PUPILS, poster.texts().audience());
        assertEquals(FileKind.PNG, poster.file(Language.RU).orElseThrow().kind());
    }

    @Test
    void aBadMaterialFileIsNamedWithItsLineAndSkipped(@TempDir Path content) throws Exception {
        Files.createDirectories(content.resolve("materials/files"));
        Files.writeString(content.resolve("materials/fara-fisier.yml"), POSTER.replace("afis-ro.pdf", "lipsa.pdf"));
        Files.writeString(content.resolve("materials/public-gresit.yml"), POSTER.replace("pupils", "everyone"));
        Files.writeString(content.resolve("materials/pdf-fals.yml"), POSTER.replace("afis-ru.png", "fals.pdf")
                .replace("afis-ro.pdf", "fals.pdf"));
        Files.write(content.resolve("materials/files/fals.pdf"), TestFiles.fakePdf());

        ImportReport report = new MaterialImporter(materials).importFolder(content);

        assertEquals(0, report.created());
        List<String> problems = report.problems().stream().map(ImportProblem::toString).toList();
        assertEquals(3, problems.size(), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("fara-fisier.yml") && p.contains("lipsa.pdf is missing")),
                problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("public-gresit.yml") && p.contains(":4")
                && p.contains("'audience'")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.contains("pdf-fals.yml") && p.contains("damaged")),
                problems.toString());
        assertTrue(materials.byKey("fara-fisier").isEmpty() && materials.byKey("pdf-fals").isEmpty());
    }
}
