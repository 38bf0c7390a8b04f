package md.migratiesigura.portal.materials;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import md.migratiesigura.portal.materials.MaterialException.Reason;
import md.migratiesigura.portal.media.Pictures;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Checks a material's file and draws its thumbnail. The first bytes decide what it claims to be (its name is never
 * asked); a PDF is then opened with PDFBox (which parses, never runs its scripts or forms) and must have a page, and
 * an image's header must announce at most {@link #MAX_PIXELS} before any pixel is decoded, so that a small file
 * claiming a huge picture is refused without the memory. The thumbnail is the first page (or the image) drawn at
 * most {@link #THUMB_WIDTH} by {@link #THUMB_HEIGHT} and kept as JPEG. Two files are checked at a time.
 */
public final class MaterialFiles {

    public static final int MAX_BYTES = 20 * 1024 * 1024;
    public static final long MAX_PIXELS = 40_000_000L;
    public static final int THUMB_WIDTH = 240;
    public static final int THUMB_HEIGHT = 340;
    private static final float QUALITY = 0.8f;
    private static final Semaphore CHECKING = new Semaphore(2);

    /** A file that passed: what it is, and its thumbnail as JPEG. */
    public record Checked(FileKind kind, byte[] thumbnail) {
    }

    private MaterialFiles() {
    }

    /** @throws MaterialException with the reason it is refused */
    public static Checked check(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            throw new MaterialException(Reason.TOO_LARGE);
        }
        FileKind kind = FileKind.sniff(bytes);
        if (kind == null) {
            throw new MaterialException(Reason.WRONG_TYPE);
        }
        try {
            if (!CHECKING.tryAcquire(20, TimeUnit.SECONDS)) {
                throw new MaterialException(Reason.BUSY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MaterialException(Reason.BUSY);
        }
        try {
            BufferedImage first = kind == FileKind.PDF ? firstPage(bytes) : image(bytes, kind);
            return new Checked(kind, Pictures.jpeg(fit(first), QUALITY));
        } catch (IOException | RuntimeException e) {
            if (e instanceof MaterialException refused) {
                throw refused;
            }
            throw new MaterialException(Reason.DAMAGED);
        } catch (OutOfMemoryError e) {
            throw new MaterialException(Reason.TOO_MANY_PIXELS);
        } finally {
            CHECKING.release();
        }
    }

    private static BufferedImage firstPage(byte[] bytes) throws IOException {
        try (PDDocument document = Loader.loadPDF(bytes, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
            if (document.getNumberOfPages() < 1) {
                throw new MaterialException(Reason.DAMAGED);
            }
            PDRectangle box = document.getPage(0).getCropBox();
            if (box.getWidth() < 1 || box.getHeight() < 1) {
                throw new MaterialException(Reason.DAMAGED);
            }
            float scale = Math.min(THUMB_WIDTH / box.getWidth(), THUMB_HEIGHT / box.getHeight());
            PDFRenderer renderer = new PDFRenderer(document);
            // Images inside the page are read at the size they are drawn, not their own.
            renderer.setSubsamplingAllowed(true);
            return renderer.renderImage(0, scale, ImageType.RGB);
        } catch (InvalidPasswordException e) {
            throw new MaterialException(Reason.ENCRYPTED);
        }
    }

    private static BufferedImage image(byte[] bytes, FileKind kind) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(kind == FileKind.PNG ? "png" : "jpeg");
            if (in == null || !readers.hasNext()) {
                throw new MaterialException(Reason.DAMAGED);
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                long width = reader.getWidth(0);
                long height = reader.getHeight(0);
                if (width < 1 || height < 1) {
                    throw new MaterialException(Reason.DAMAGED);
                }
                if (width * height > MAX_PIXELS) {
                    throw new MaterialException(Reason.TOO_MANY_PIXELS);
                }
                // Decoded subsampled to about twice the thumbnail: a large poster never takes its full memory.
                int step = (int) Math.max(1, Math.min(width / (2L * THUMB_WIDTH), height / (2L * THUMB_HEIGHT)));
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new MaterialException(Reason.DAMAGED);
                }
                return image;
            } finally {
                reader.dispose();
            }
        }
    }

    /** An opaque RGB copy that fits the thumbnail's box, proportions kept; transparency becomes white. */
    static BufferedImage fit(BufferedImage source) {
        double scale = Math.min(1.0, Math.min((double) THUMB_WIDTH / source.getWidth(),
                (double) THUMB_HEIGHT / source.getHeight()));
        int width = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(source.getHeight() * scale));
        return Pictures.scaled(source, width, height);
    }
}
