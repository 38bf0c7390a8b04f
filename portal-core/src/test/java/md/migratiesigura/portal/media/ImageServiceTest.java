package md.migratiesigura.portal.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.media.ImageService.Refusal;
import md.migratiesigura.portal.media.ImageService.UploadResult;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.storage.BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Uploads with images made here by ImageIO (and one WebP made with cwebp from a generated PNG), on a real MariaDB. */
class ImageServiceTest {

    @TempDir
    static Path dataDir;

    private static Database db;
    private static ImageService images;
    private static AuditService audit;
    private static SignedInUser editor;
    private static SignedInUser counsellor;
    private static Path uploads;

    @BeforeAll
    static void open() {
        db = Database.open(TestDatabases.newConfig(dataDir));
        audit = new AuditService(db.sessionFactory(), Clock.systemUTC());
        UserService users = new UserService(db.sessionFactory(), new PasswordHasher(), PasswordPolicy.standard(), audit,
                Clock.systemUTC());
        users.ensureAdministrator(Optional.of("admin@example.org"), Optional.of("administrator passphrase"));
        SignedInUser admin = users.authenticate("admin@example.org", "administrator passphrase").orElseThrow();
        users.create(admin, new NewUser("editor@example.org", "Editor", Role.EDITOR, "editor passphrase 1"));
        users.create(admin, new NewUser("counsellor@example.org", "C", Role.COUNSELLOR, "counsellor passphrase"));
        editor = users.authenticate("editor@example.org", "editor passphrase 1").orElseThrow();
        counsellor = users.authenticate("counsellor@example.org", "counsellor passphrase").orElseThrow();
        uploads = dataDir.resolve("uploads");
        images = new ImageService(db.sessionFactory(), audit, new BlobStore(db.dataSource(), Clock.systemUTC()), uploads,
                Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static byte[] picture(String format, int width, int height, int imageType) throws IOException {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(30, 120, 200));
        g.fillRect(0, 0, width, height);
        g.setColor(Color.ORANGE);
        g.fillOval(width / 4, height / 4, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertTrue(ImageIO.write(image, format, out));
        return out.toByteArray();
    }

    private static UploadResult upload(byte[] bytes) {
        return images.upload(editor, new ByteArrayInputStream(bytes));
    }

    /** Files in the database's file store, and on the disk (none is written there any more). */
    private static long storedFiles() throws IOException {
        assertFalse(Files.exists(uploads), "nothing is written to the node's disk");
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM stored_files")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bytes served under a name. */
    private static byte[] served(String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        images.copyTo(images.file(name).orElseThrow(), out);
        return out.toByteArray();
    }

    @Test
    void aLargePngIsReencodedAsJpegAt1200And600PixelsWide() throws IOException {
        UploadResult result = upload(picture("png", 2400, 1600, BufferedImage.TYPE_INT_ARGB));

        CoverImage cover = result.image();
        assertEquals(1200, cover.width());
        assertEquals(800, cover.height());
        assertEquals(600, cover.smallWidth());
        assertEquals(400, cover.smallHeight());
        BufferedImage large = ImageIO.read(new ByteArrayInputStream(served(cover.id() + ".jpg")));
        BufferedImage small = ImageIO.read(new ByteArrayInputStream(served(cover.id() + "-600.jpg")));
        assertEquals(1200, large.getWidth());
        assertEquals(600, small.getWidth());
        byte[] stored = served(cover.id() + ".jpg");
        assertEquals((byte) 0xFF, stored[0]);
        assertEquals((byte) 0xD8, stored[1], "a JPEG whatever came in");
        assertEquals(Optional.of(cover), images.find(cover.id()));
        assertEquals(AuditAction.IMAGE_UPLOADED, audit.newest(0, 1).get(0).action());
    }

    @Test
    void aSmallJpegKeepsItsSizeAndLosesItsMetadata() throws IOException {
        byte[] jpeg = picture("jpeg", 320, 200, BufferedImage.TYPE_INT_RGB);
        // An EXIF segment with a "GPS position", right after the start-of-image marker.
        byte[] exif = "Exif\0\0GPS-SECRET-47.0105N-28.8638E".getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer withExif = ByteBuffer.allocate(jpeg.length + exif.length + 4);
        withExif.put(jpeg, 0, 2).put((byte) 0xFF).put((byte) 0xE1).putShort((short) (exif.length + 2)).put(exif)
                .put(jpeg, 2, jpeg.length - 2);

        CoverImage cover = upload(withExif.array()).image();

        assertEquals(320, cover.width());
        assertEquals(200, cover.height());
        String stored = new String(served(cover.id() + ".jpg"),
                StandardCharsets.ISO_8859_1);
        assertFalse(stored.contains("GPS-SECRET"), "re-encoding drops the metadata");
        assertFalse(stored.contains("Exif"));
    }

    @Test
    void aWebpIsAcceptedAndReencoded() throws IOException {
        byte[] webp;
        try (InputStream in = getClass().getResourceAsStream("gradient-96x64.webp")) {
            webp = in.readAllBytes();
        }
        assertEquals("webp", ImageService.format(webp));

        CoverImage cover = upload(webp).image();

        assertEquals(96, cover.width());
        assertEquals(64, cover.height());
        assertEquals(96, ImageIO.read(new ByteArrayInputStream(served(cover.id() + ".jpg"))).getWidth());
    }

    @Test
    void htmlNamedLikeAJpegAndSvgAreRefusedForWhatTheyAre() throws IOException {
        long before = storedFiles();
        assertEquals(Refusal.NOT_AN_IMAGE, upload("<html><script>alert(1)</script></html>"
                .getBytes(StandardCharsets.UTF_8)).refusal());
        assertEquals(Refusal.NOT_AN_IMAGE, upload("""
                <?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>"""
                .getBytes(StandardCharsets.UTF_8)).refusal());
        assertEquals(Refusal.NOT_AN_IMAGE, upload(new byte[0]).refusal());
        assertEquals(Refusal.NOT_AN_IMAGE, upload("GIF89a".getBytes(StandardCharsets.US_ASCII)).refusal());
        assertEquals(before, storedFiles(), "nothing stored");
    }

    @Test
    void aFileWithTheRightFirstBytesThatDoesNotDecodeIsRefused() {
        byte[] fake = new byte[200];
        fake[0] = (byte) 0xFF;
        fake[1] = (byte) 0xD8;
        fake[2] = (byte) 0xFF;
        assertEquals(Refusal.UNREADABLE, upload(fake).refusal());
        byte[] riff = "RIFF\0\0\0\0WEBPVP8 garbage".getBytes(StandardCharsets.US_ASCII);
        assertEquals(Refusal.UNREADABLE, upload(riff).refusal());
    }

    @Test
    void aPngHeaderClaimingAHugePictureIsRefusedBeforeAnyPixelIsDecoded() throws IOException {
        long before = storedFiles();
        // A 60-byte file that claims 50 000 × 50 000 pixels: decoding it would need 10 GB.
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        ByteBuffer ihdr = ByteBuffer.allocate(13).putInt(50_000).putInt(50_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        chunk(png, "IEND", new byte[0]);

        long start = System.nanoTime();
        UploadResult result = upload(png.toByteArray());

        assertEquals(Refusal.TOO_MANY_PIXELS, result.refusal());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "answered at once, without decoding");
        assertEquals(before, storedFiles());
    }

    @Test
    void aSixteenBitPngOfFortyMegapixelsIsDecodedSubsampledNeverAtFullSize() throws IOException {
        // 8000 × 5000 RGBA at 16 bits a sample: 320 MB once decoded at full size, from a file of a few hundred KB.
        byte[] png = png16(8000, 5000);
        assertTrue(png.length < 1_000_000, "small on disk: " + png.length);

        long[] allocated = new long[1];
        UploadResult result = allocating(allocated, () -> upload(png));

        assertEquals(1200, result.image().width());
        assertEquals(750, result.image().height());
        assertTrue(allocated[0] < 80L << 20, "decoded subsampled, not as a 320 MB raster: " + (allocated[0] >> 20) + " MB");
    }

    @Test
    void aPictureWithinThePixelLimitThatWouldNotFitInMemoryIsRefusedFromItsHeader() throws IOException {
        long before = storedFiles();
        // 37.5 megapixels, under the pixel limit, but too narrow to subsample: 300 MB at 16 bits a sample.
        byte[] png = png16(1250, 30_000);

        long[] allocated = new long[1];
        UploadResult result = allocating(allocated, () -> upload(png));

        assertEquals(Refusal.TOO_MUCH_MEMORY, result.refusal());
        assertTrue(allocated[0] < 16L << 20, "refused before decoding: " + (allocated[0] >> 20) + " MB");
        assertEquals(before, storedFiles());
    }

    @Test
    void aLargeJpegPhotoIsDecodedSubsampledButAProgressiveOneOfTheSameSizeIsRefused() throws IOException {
        BufferedImage photo = new BufferedImage(6000, 4000, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = photo.createGraphics();
        g.setPaint(new java.awt.GradientPaint(0, 0, Color.BLUE, 6000, 4000, Color.ORANGE));
        g.fillRect(0, 0, 6000, 4000);
        g.dispose();
        byte[] baseline = jpeg(photo, false);
        byte[] progressive = jpeg(photo, true);
        photo = null;

        long[] allocated = new long[1];
        UploadResult result = allocating(allocated, () -> upload(baseline));
        assertEquals(1200, result.image().width());
        assertEquals(800, result.image().height());
        assertTrue(allocated[0] < 48L << 20, "not decoded as a 72 MB raster: " + (allocated[0] >> 20) + " MB");

        // libjpeg keeps every coefficient of a progressive file until its last scan: 144 MB here.
        assertEquals(Refusal.TOO_MUCH_MEMORY, upload(progressive).refusal());
    }

    @Test
    void aLossyWebpIsJudgedByTheFrameItsReaderKeepsAndALosslessOneByItsRaster() {
        // Headers of 2500 × 2000: the WebP reader keeps every macroblock of a lossy frame (about 24 bytes a pixel,
        // 115 MB here), and a 4-byte raster for a lossless one (20 MB).
        ByteBuffer lossy = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x10).put((byte) 0)
                .put((byte) 0).put((byte) 0x9d).put((byte) 0x01).put((byte) 0x2a).putShort((short) 2500)
                .putShort((short) 2000);
        ByteBuffer lossless = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN).put((byte) 0x2f)
                .putInt((2500 - 1) | ((2000 - 1) << 14));

        long[] allocated = new long[1];
        UploadResult refused = allocating(allocated, () -> upload(webp("VP8 ", lossy.array())));
        assertEquals(Refusal.TOO_MUCH_MEMORY, refused.refusal());
        assertTrue(allocated[0] < 16L << 20, "refused before decoding: " + (allocated[0] >> 20) + " MB");

        assertEquals(1200, upload(webp("VP8L", lossless.array())).image().width(), "within what it may take");
    }

    @Test
    void whileEveryDecodeIsTakenAnUploadIsRefusedAsBusyAndGoesThroughOnceOneIsFree() throws Exception {
        ImageDecoder decoder = new ImageDecoder(1, Duration.ZERO);
        ImageService service = new ImageService(db.sessionFactory(), audit,
                new BlobStore(db.dataSource(), Clock.systemUTC()), uploads, Clock.systemUTC(), decoder);
        byte[] png = picture("png", 40, 30, BufferedImage.TYPE_INT_RGB);

        decoder.permits.acquire();
        try {
            assertEquals(Refusal.BUSY, service.upload(editor, new ByteArrayInputStream(png)).refusal());
        } finally {
            decoder.permits.release();
        }
        assertTrue(service.upload(editor, new ByteArrayInputStream(png)).accepted());
    }

    /** Runs {@code upload} and puts the bytes this thread allocated meanwhile in {@code allocated[0]}. */
    private static UploadResult allocating(long[] allocated, java.util.function.Supplier<UploadResult> upload) {
        assertTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM counts the bytes a thread allocates");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        UploadResult result = upload.get();
        allocated[0] = threads.getThreadAllocatedBytes(thread) - before;
        return result;
    }

    /** An RGBA PNG with 16 bits a sample, transparent black all over: it compresses a thousandfold. */
    private static byte[] png16(int width, int height) throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 16).put((byte) 6)
                .put((byte) 0).put((byte) 0).put((byte) 0).array());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        byte[] row = new byte[1 + width * 8];
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(pixels)) {
            for (int y = 0; y < height; y++) {
                deflater.write(row);
            }
        }
        chunk(png, "IDAT", pixels.toByteArray());
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setProgressiveMode(progressive ? ImageWriteParam.MODE_DEFAULT : ImageWriteParam.MODE_DISABLED);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** A RIFF file holding one WebP chunk. */
    private static byte[] webp(String fourcc, byte[] data) {
        return ByteBuffer.allocate(20 + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(12 + data.length)
                .put("WEBP".getBytes(StandardCharsets.US_ASCII)).put(fourcc.getBytes(StandardCharsets.US_ASCII))
                .putInt(data.length).put(data).array();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    @Test
    void aFileOverFiveMegabytesIsRefusedWithoutReadingTheRest() {
        byte[] big = new byte[ImageService.MAX_BYTES + 1];
        big[0] = (byte) 0x89;
        assertEquals(Refusal.TOO_LARGE, upload(big).refusal());
        assertNull(upload(big).image());
    }

    @Test
    void onlyEditorsMayUpload() throws IOException {
        assertEquals(Refusal.NOT_ALLOWED, images.upload(counsellor,
                new ByteArrayInputStream(picture("png", 10, 10, BufferedImage.TYPE_INT_RGB))).refusal());
        assertEquals(Refusal.NOT_ALLOWED, images.upload(null,
                new ByteArrayInputStream(picture("png", 10, 10, BufferedImage.TYPE_INT_RGB))).refusal());
    }

    @Test
    void onlyNamesThisServiceMakesAreServed() throws IOException {
        CoverImage cover = upload(picture("png", 50, 50, BufferedImage.TYPE_INT_RGB)).image();
        Files.writeString(dataDir.resolve("secret.txt"), "not for the public");

        assertTrue(images.file(cover.id() + ".jpg").isPresent());
        assertTrue(images.file(cover.id() + "-600.jpg").isPresent());
        for (String name : new String[] {"../secret.txt", "..%2Fsecret.txt", cover.id() + ".jpg/../../secret.txt",
                cover.id().toUpperCase() + ".jpg", cover.id() + ".png", cover.id() + "-600.jpg.part", "", null,
                "/etc/passwd", "00000000000000000000000000000000.jpg"}) {
            assertEquals(Optional.empty(), images.file(name), String.valueOf(name));
        }
        assertEquals((byte) 0xFF, served(cover.id() + ".jpg")[0]);
        assertFalse(Files.exists(uploads), "nothing on the node's disk");
    }

    @Test
    void imagesAFormerVersionWroteToTheDiskMoveIntoTheDatabaseOnceAndAreServedFromThere() throws Exception {
        String id = "0123456789abcdef0123456789abcdef";
        byte[] large = picture("jpeg", 120, 80, BufferedImage.TYPE_INT_RGB);
        byte[] small = picture("jpeg", 60, 40, BufferedImage.TYPE_INT_RGB);
        Path former = Files.createTempDirectory("former-uploads");
        Files.write(former.resolve(id + ".jpg"), large);
        Files.write(former.resolve(id + "-600.jpg"), small);
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                "INSERT INTO media_images (id, width, height, small_width, small_height, uploaded_by_email, created_at)"
                        + " VALUES (?, 120, 80, 60, 40, 'editor@example.org', NOW())")) {
            s.setString(1, id);
            s.executeUpdate();
        }
        ImageService node = new ImageService(db.sessionFactory(), audit, new BlobStore(db.dataSource(), Clock.systemUTC()),
                former, Clock.systemUTC());
        assertEquals(Optional.empty(), node.file(id + ".jpg"), "not served before it moved");

        assertEquals(1, node.moveFormerFiles());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        node.copyTo(node.file(id + "-600.jpg").orElseThrow(), out);
        assertArrayEquals(small, out.toByteArray(), "the same bytes, from the database");
        assertArrayEquals(large, served(id + ".jpg"), "on every node");
        assertFalse(Files.exists(former.resolve(id + ".jpg")), "moved, not copied");
        assertEquals(0, node.moveFormerFiles(), "a second start moves nothing");
        Files.write(former.resolve(id + ".jpg"), large);
        Files.write(former.resolve(id + "-600.jpg"), small);
        long before = storedFiles();
        assertEquals(0, node.moveFormerFiles(), "files of an image already moved (another node's copy) are left");
        assertEquals(before, storedFiles());
    }
}
