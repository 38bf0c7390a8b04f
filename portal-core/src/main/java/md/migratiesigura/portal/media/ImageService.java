package md.migratiesigura.portal.media;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.storage.BlobStore;
import md.migratiesigura.portal.storage.StoredFile;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cover images: JPEG, PNG or WebP, recognised by their first bytes (never by name), at most 5 MB and 40 megapixels.
 * The header is read before any pixel is decoded, and decides alone whether decoding fits the memory an upload may
 * take (pixels, bands and bits per sample, and what the format's reader keeps: {@link ImageDecoder}), so a small
 * file claiming a huge or deep picture is refused without using memory; a large photo is decoded subsampled to
 * about the kept width. Accepted images are flattened onto white, re-encoded as JPEG (which drops every piece of
 * metadata, GPS included) at most 1200 pixels wide plus a 600-pixel copy, and stored in the database's file store
 * ({@link BlobStore}, so that every node of a cluster serves them) under random names.
 */
public class ImageService {

    private static final Logger log = LoggerFactory.getLogger(ImageService.class);

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int LARGE_WIDTH = 1200;
    public static final int SMALL_WIDTH = 600;
    static final float QUALITY = 0.82f;
    /** A stored file's name: the id, then {@code -600} for the small copy. Nothing else is ever served. */
    public static final Pattern FILE_NAME = Pattern.compile("([0-9a-f]{32})(-600)?\\.jpg");
    /** What every stored copy is. */
    public static final String MEDIA_TYPE = "image/jpeg";

    /** Why an upload was refused; the web layer shows a message per reason. */
    public enum Refusal {
        TOO_LARGE,
        NOT_AN_IMAGE,
        UNREADABLE,
        TOO_MANY_PIXELS,
        /** Within the pixel limit, but decoding it would take too much memory (16-bit samples, a tall strip...). */
        TOO_MUCH_MEMORY,
        /** Other uploads are being decoded: a moment later it will go through. */
        BUSY,
        NOT_ALLOWED
    }

    /** The outcome of an upload: the stored image, or why it was refused (nothing is stored then). */
    public record UploadResult(CoverImage image, Refusal refusal) implements Serializable {
        public boolean accepted() {
            return image != null;
        }
    }

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final BlobStore files;
    /** Where images were stored before V34: their files are moved into the database at start. */
    private final Path directory;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final ImageDecoder decoder;

    /** @param directory where images were kept before they moved into the database (see {@link #moveFormerFiles}) */
    public ImageService(SessionFactory sessionFactory, AuditService audit, BlobStore files, Path directory, Clock clock) {
        this(sessionFactory, audit, files, directory, clock, new ImageDecoder());
    }

    ImageService(SessionFactory sessionFactory, AuditService audit, BlobStore files, Path directory, Clock clock,
                 ImageDecoder decoder) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.files = files;
        this.directory = directory;
        this.clock = clock;
        this.decoder = decoder;
    }

    /** Reads at most {@link #MAX_BYTES} (and one more, to notice a larger file), checks, converts and stores. */
    public UploadResult upload(SignedInUser actor, InputStream in) {
        byte[] bytes;
        try {
            bytes = in.readNBytes(MAX_BYTES + 1);
        } catch (IOException e) {
            return refused(Refusal.UNREADABLE);
        }
        if (bytes.length > MAX_BYTES) {
            return refused(Refusal.TOO_LARGE);
        }
        if (!isAllowedEditor(actor)) {
            return refused(Refusal.NOT_ALLOWED);
        }
        String format = format(bytes);
        if (format == null) {
            return refused(Refusal.NOT_AN_IMAGE);
        }
        Resized resized;
        try {
            resized = decoder.decode(bytes, format, decoded -> new Resized(resized(decoded.image(), LARGE_WIDTH),
                    resized(decoded.image(), SMALL_WIDTH), decoded.width() + "x" + decoded.height()));
        } catch (ImageDecoder.Refused e) {
            return refused(e.refusal);
        } catch (IOException | RuntimeException e) {
            return refused(Refusal.UNREADABLE);
        }
        return store(actor, resized);
    }

    /** The two copies kept, and the size of the picture they were made from (for the audit log). */
    private record Resized(BufferedImage large, BufferedImage small, String originalSize) {
    }

    /** The format a file's first bytes say it is in: {@code jpeg}, {@code png}, {@code webp}, or null. */
    static String format(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "jpeg";
        }
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G'
                && b[4] == 0x0D && b[5] == 0x0A && b[6] == 0x1A && b[7] == 0x0A) {
            return "png";
        }
        if (b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F'
                && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return "webp";
        }
        return null;
    }

    private UploadResult store(SignedInUser actor, Resized image) {
        BufferedImage large = image.large();
        BufferedImage small = image.small();
        String id = HexFormat.of().formatHex(randomBytes());
        byte[] largeJpeg;
        byte[] smallJpeg;
        try {
            largeJpeg = jpeg(large);
            smallJpeg = jpeg(small);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode an uploaded image", e);
        }
        CoverImage cover = new CoverImage(id, large.getWidth(), large.getHeight(), small.getWidth(), small.getHeight());
        // The two copies and the row that names them in one transaction: a failure leaves nothing behind.
        sessionFactory.inTransaction(session -> {
            long[] stored = session.doReturningWork(c -> new long[] {storeJpeg(c, largeJpeg), storeJpeg(c, smallJpeg)});
            PortalUser user = session.find(PortalUser.class, actor.id());
            session.persist(new MediaImage(id, cover.width(), cover.height(), cover.smallWidth(),
                    cover.smallHeight(), user.getEmail(), clock.instant(), stored[0], stored[1]));
            audit.record(session, user, user.getEmail(), AuditAction.IMAGE_UPLOADED, id, image.originalSize());
        });
        return new UploadResult(cover, null);
    }

    private long storeJpeg(Connection connection, byte[] jpeg) throws SQLException {
        try {
            return files.store(connection, new ByteArrayInputStream(jpeg), MEDIA_TYPE, MAX_BYTES).id();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return bytes;
    }

    /** An opaque RGB copy at most {@code maxWidth} wide, proportions kept; transparency becomes white. */
    static BufferedImage resized(BufferedImage source, int maxWidth) {
        int width = Math.min(maxWidth, source.getWidth());
        int height = Math.max(1, (int) Math.round((double) source.getHeight() * width / source.getWidth()));
        BufferedImage current = source;
        // Halving steps first: one big bilinear step from a large photo gives a grainy result.
        while (current.getWidth() / 2 >= width) {
            current = draw(current, current.getWidth() / 2, Math.max(1, current.getHeight() / 2));
        }
        return draw(current, width, height);
    }

    private static BufferedImage draw(BufferedImage source, int width, int height) {
        BufferedImage target = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(source, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return target;
    }

    private static byte[] jpeg(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream output = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(output);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** The stored copy for a requested name, if the name is one this service makes and the image exists. */
    public Optional<StoredFile> file(String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher m = FILE_NAME.matcher(name);
        if (!m.matches()) {
            return Optional.empty();
        }
        Long stored = sessionFactory.fromTransaction(session -> {
            MediaImage image = session.find(MediaImage.class, m.group(1));
            return image == null ? null : m.group(2) == null ? image.getLargeFile() : image.getSmallFile();
        });
        return stored == null ? Optional.empty() : files.find(stored);
    }

    /** Writes a stored copy's bytes, fetched a chunk at a time. */
    public void copyTo(StoredFile file, OutputStream out) throws IOException {
        files.copyTo(file.id(), out);
    }

    /**
     * Moves the images uploaded before V34 from this node's uploads folder into the database: each image's two
     * files, stored and named by its row in one transaction, then deleted from the disk. Idempotent: a row already
     * moved (by this node before, or another node with the same files) is left alone, and an image whose files are
     * not on this node waits for the node that has them. Run at start, one node at a time (the start-up lease).
     *
     * @return how many images were moved
     */
    public int moveFormerFiles() {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<String> waiting = sessionFactory.fromTransaction(session -> session.createNativeQuery(
                "SELECT id FROM media_images WHERE large_file IS NULL ORDER BY id", String.class).getResultList());
        int moved = 0;
        for (String id : waiting) {
            Path largeFile = directory.resolve(id + ".jpg");
            Path smallFile = directory.resolve(id + "-600.jpg");
            if (!Files.isRegularFile(largeFile) || !Files.isRegularFile(smallFile)) {
                continue;
            }
            try {
                byte[] largeJpeg = Files.readAllBytes(largeFile);
                byte[] smallJpeg = Files.readAllBytes(smallFile);
                int updated = sessionFactory.fromTransaction(session -> session.doReturningWork(c -> {
                    long large = storeJpeg(c, largeJpeg);
                    long small = storeJpeg(c, smallJpeg);
                    try (PreparedStatement s = c.prepareStatement("UPDATE media_images SET large_file = ?, small_file = ?"
                            + " WHERE id = ? AND large_file IS NULL")) {
                        s.setLong(1, large);
                        s.setLong(2, small);
                        s.setString(3, id);
                        if (s.executeUpdate() == 0) {
                            throw new MovedMeanwhile();
                        }
                        return 1;
                    }
                }));
                moved += updated;
                deleteQuietly(largeFile);
                deleteQuietly(smallFile);
            } catch (MovedMeanwhile e) {
                // another node moved it first: its stored copies stand, this transaction was rolled back
            } catch (IOException e) {
                log.warn("The image {} could not be read from {}: left there ({})", id, directory, e.getMessage());
            }
        }
        if (moved > 0) {
            log.info("Moved {} image(s) from {} into the database", moved, directory);
        }
        return moved;
    }

    /** Rolls back a move that another node made first. */
    private static final class MovedMeanwhile extends RuntimeException {
        MovedMeanwhile() {
            super(null, null, false, false);
        }
    }

    /** An uploaded image by id. */
    public Optional<CoverImage> find(String id) {
        if (id == null || !id.matches("[0-9a-f]{32}")) {
            return Optional.empty();
        }
        return sessionFactory.fromTransaction(session -> Optional.ofNullable(cover(session, id)));
    }

    private boolean isAllowedEditor(SignedInUser actor) {
        if (actor == null) {
            return false;
        }
        return sessionFactory.fromTransaction(session -> {
            PortalUser user = session.find(PortalUser.class, actor.id());
            // Trainers upload the photos of their events under the same rules.
            return user != null && user.isEnabled() && (user.getRole() == Role.EDITOR || user.getRole() == Role.ADMINISTRATOR
                    || user.getRole() == Role.TRAINER);
        });
    }

    private static UploadResult refused(Refusal refusal) {
        return new UploadResult(null, refusal);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // nothing more to do: the file has a random name nobody links to
        }
    }

    /** The cover image with that id, read in the caller's transaction; null for none. */
    public static CoverImage cover(Session session, String id) {
        if (id == null) {
            return null;
        }
        MediaImage image = session.find(MediaImage.class, id);
        return image == null ? null : new CoverImage(image.getId(), image.getWidth(), image.getHeight(),
                image.getSmallWidth(), image.getSmallHeight());
    }
}
