package md.migratiesigura.portal.materials;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.materials.MaterialException.Reason;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.storage.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The materials on a real MariaDB: what editors may upload, what readers see, and the downloads' counts. */
class MaterialServiceTest {

    @TempDir
    static Path dataDir;
    private static Database db;
    private static MaterialService materials;
    private static AuditService audit;
    private static SignedInUser editor;
    private static SignedInUser trainer;
    private static final MutableClock clock = new MutableClock(Instant.parse("2026-03-15T10:00:00Z"));

    @BeforeAll
    static void open() throws Exception {
        db = Database.open(TestDatabases.newConfig(dataDir));
        audit = new AuditService(db.sessionFactory(), clock);
        UserService users = new UserService(db.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(), audit, clock);
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of("administrator passphrase"));
        SignedInUser admin = users.authenticate("admin@example.org", "administrator passphrase").orElseThrow();
        users.create(admin, new NewUser("editor@example.org", "Editor", Role.EDITOR, "editor passphrase 1"));
        users.create(admin, new NewUser("trainer@example.org", "Trainer", Role.TRAINER, "trainer passphrase 1"));
        editor = users.authenticate("editor@example.org", "editor passphrase 1").orElseThrow();
        trainer = users.authenticate("trainer@example.org", "trainer passphrase 1").orElseThrow();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO categories (category_key, name_ro, name_ru, position) VALUES"
                    + " ('munca', 'Muncă', 'Работа', 1), ('exploatare', 'Trafic', 'Торговля людьми', 2)");
        }
        materials = new MaterialService(db.sessionFactory(), new BlobStore(db.dataSource(), clock),
                new DownloadCounter(db.dataSource(), clock), audit, clock);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static MaterialDraft draft(String titleRo, String topic, Audience audience) {
        return new MaterialDraft(titleRo, titleRo + " (ru)", "Descriere", "Описание", topic, audience);
    }

    @Test
    void anEditorsPdfIsStoredWithAThumbnailOfItsFirstPageAndReadersSeeIt() throws Exception {
        byte[] pdf = TestFiles.pdf();

        MaterialView material = materials.create(editor, draft("Pliant de încercare", "munca", Audience.JOB_SEEKERS),
                Map.of(Language.RO, pdf));

        assertEquals("pliant-de-incercare", material.key());
        MaterialFile file = material.file(Language.RO).orElseThrow();
        assertEquals(FileKind.PDF, file.kind());
        assertEquals(pdf.length, file.bytes());
        try (InputStream in = materials.open(file.fileId()).orElseThrow()) {
            assertArrayEquals(pdf, in.readAllBytes());
        }
        BufferedImage thumbnail;
        try (InputStream in = materials.open(file.thumbnailId()).orElseThrow()) {
            thumbnail = ImageIO.read(in);
        }
        assertTrue(thumbnail.getWidth() <= MaterialFiles.THUMB_WIDTH && thumbnail.getHeight() <= MaterialFiles.THUMB_HEIGHT);
        assertTrue(thumbnail.getHeight() > thumbnail.getWidth(), "an A4 page stands upright");
        int top = thumbnail.getRGB(thumbnail.getWidth() / 2, 3);
        assertTrue((top & 0xff) > 150 && ((top >> 16) & 0xff) < 100, "the page's blue band is drawn at the top");
        assertTrue(materials.published("munca", Audience.JOB_SEEKERS).stream().anyMatch(m -> m.key().equals(material.key())));
        assertTrue(materials.published("exploatare", null).stream().noneMatch(m -> m.key().equals(material.key())));
        assertTrue(materials.published(null, Audience.PUPILS).stream().noneMatch(m -> m.key().equals(material.key())));
        assertEquals(AuditAction.MATERIAL_CREATED, audit.newest(0, 1).get(0).action());
    }

    @Test
    void aFileOfTheWrongTypeIsRefusedByItsContentWhateverItClaims() throws Exception {
        MaterialException refused = assertThrows(MaterialException.class, () -> materials.create(editor,
                draft("Script", "munca", Audience.PARENTS), Map.of(Language.RO, "#!/bin/sh\nrm -rf /\n".getBytes())));
        assertEquals(Reason.WRONG_TYPE, refused.reason());
        assertEquals(Reason.WRONG_TYPE, assertThrows(MaterialException.class,
                () -> MaterialFiles.check("GIF89a....".getBytes())).reason());
    }

    @Test
    void aFakePdfIsRefusedAsDamagedAndNothingIsSaved() throws Exception {
        long before = rows("materials") + rows("stored_files");

        MaterialException refused = assertThrows(MaterialException.class, () -> materials.create(editor,
                draft("Fals", "munca", Audience.PARENTS), Map.of(Language.RO, TestFiles.pdf(), Language.RU, TestFiles.fakePdf())));

        assertEquals(Reason.DAMAGED, refused.reason());
        assertEquals(before, rows("materials") + rows("stored_files"));
    }

    @Test
    void aFileOverTwentyMegabytesIsRefused() {
        byte[] big = new byte[MaterialFiles.MAX_BYTES + 1];
        System.arraycopy("%PDF-1.4".getBytes(), 0, big, 0, 8);

        assertEquals(Reason.TOO_LARGE, assertThrows(MaterialException.class, () -> materials.create(editor,
                draft("Mare", "munca", Audience.PARENTS), Map.of(Language.RO, big))).reason());
    }

    @Test
    void aPngClaimingTenGigapixelsIsRefusedBeforeItIsDecoded() throws Exception {
        byte[] bomb = TestFiles.pngBomb();
        assertTrue(bomb.length < 1000);

        assertEquals(Reason.TOO_MANY_PIXELS, assertThrows(MaterialException.class,
                () -> MaterialFiles.check(bomb)).reason());
    }

    @Test
    void postersAsPngOrJpegGetAScaledThumbnail() throws Exception {
        MaterialFiles.Checked png = MaterialFiles.check(TestFiles.image("png", 2000, 3000));
        MaterialFiles.Checked jpeg = MaterialFiles.check(TestFiles.image("jpeg", 3000, 1000));

        assertEquals(FileKind.PNG, png.kind());
        assertEquals(FileKind.JPEG, jpeg.kind());
        BufferedImage tall = ImageIO.read(new ByteArrayInputStream(png.thumbnail()));
        BufferedImage wide = ImageIO.read(new ByteArrayInputStream(jpeg.thumbnail()));
        assertEquals(MaterialFiles.THUMB_HEIGHT, tall.getHeight());
        assertEquals(MaterialFiles.THUMB_WIDTH, wide.getWidth());
    }

    @Test
    void trainersSeeButCannotChangeRetiredMaterialsAndReadersDoNotSeeThem() throws Exception {
        MaterialView material = materials.create(editor, draft("Afiș retras", "exploatare", Audience.PUPILS),
                Map.of(Language.RU, TestFiles.image("png", 300, 400)));

        assertEquals(Reason.NOT_ALLOWED, assertThrows(MaterialException.class,
                () -> materials.retire(trainer, material.key())).reason());
        materials.retire(editor, material.key());

        assertTrue(materials.published(null, null).stream().noneMatch(m -> m.key().equals(material.key())));
        assertTrue(materials.all(trainer).stream().anyMatch(m -> m.key().equals(material.key()) && m.retired()));
        assertEquals(Reason.NOT_ALLOWED, assertThrows(MaterialException.class, () -> materials.create(trainer,
                draft("Nu", "munca", Audience.PUPILS), Map.of(Language.RO, TestFiles.pdf()))).reason());
        materials.restore(editor, material.key());
        assertTrue(materials.published(null, null).stream().anyMatch(m -> m.key().equals(material.key())));
    }

    @Test
    void aReplacedFileTakesThePlaceOfTheOldOneWhichIsDeleted() throws Exception {
        MaterialView material = materials.create(editor, draft("Pliant înlocuit", "munca", Audience.PARENTS),
                Map.of(Language.RO, TestFiles.pdf()));
        long oldFile = material.file(Language.RO).orElseThrow().fileId();

        MaterialView replaced = materials.replaceFile(editor, material.key(), Language.RO, TestFiles.image("jpeg", 500, 700));

        assertEquals(FileKind.JPEG, replaced.file(Language.RO).orElseThrow().kind());
        assertTrue(materials.open(oldFile).isEmpty());
        assertEquals(Reason.UNKNOWN_TOPIC, assertThrows(MaterialException.class, () -> materials.save(editor,
                material.key(), draft("Pliant înlocuit", "nu-exista", Audience.PARENTS))).reason());
        assertEquals(Reason.TITLE_MISSING, assertThrows(MaterialException.class, () -> materials.create(editor,
                draft("  ", "munca", Audience.PARENTS), Map.of(Language.RO, TestFiles.pdf()))).reason());
    }

    @Test
    void downloadsAreCountedPerMonthAndFileOnceWritten() throws Exception {
        MaterialView material = materials.create(editor, draft("Numărat", "munca", Audience.PROFESSIONALS),
                Map.of(Language.RO, TestFiles.pdf(), Language.RU, TestFiles.pdf()));
        long marchBefore = materials.figures(2026).month(3);

        materials.countDownload(material, Language.RO);
        materials.countDownload(material, Language.RO);
        materials.countDownload(material, Language.RU);
        clock.set(Instant.parse("2026-04-01T00:00:01Z"));
        materials.countDownload(material, Language.RU);
        materials.downloads().flush();
        clock.set(Instant.parse("2026-03-15T10:00:00Z"));

        assertEquals(2, materials.downloads().of(material.id(), Language.RO, YearMonth.of(2026, 3)));
        assertEquals(1, materials.downloads().of(material.id(), Language.RU, YearMonth.of(2026, 3)));
        assertEquals(1, materials.downloads().of(material.id(), Language.RU, YearMonth.of(2026, 4)));
        assertEquals(marchBefore + 3, materials.figures(2026).month(3));
        materials.downloads().flush();
        assertEquals(marchBefore + 3, materials.figures(2026).month(3), "a second flush adds nothing");
    }

    @Test
    void aBundledMaterialIsStoredOnceAndAgainOnlyWhenItsSourceChanges() throws Exception {
        BundledMaterial bundled = new BundledMaterial("pliant-inclus", draft("Pliant inclus", "munca", Audience.JOB_SEEKERS),
                "a".repeat(64), Map.of(Language.RO, TestFiles.pdf(), Language.RU, TestFiles.pdf()));

        materials.importBundled(bundled);
        long files = rows("stored_files");
        materials.importBundled(bundled);

        assertEquals(files, rows("stored_files"), "nothing stored again");
        assertTrue(materials.isBundledCurrent("pliant-inclus", "a".repeat(64)));
        assertFalse(materials.isBundledCurrent("pliant-inclus", "b".repeat(64)));
        materials.importBundled(new BundledMaterial("pliant-inclus", bundled.texts(), "b".repeat(64), bundled.files()));
        assertEquals(files, rows("stored_files"), "the new files replace the old ones");
        assertEquals(1, materials.published(null, null).stream().filter(m -> m.key().equals("pliant-inclus")).count());
    }

    private static long rows(String table) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
