package md.migratiesigura.portal.media;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataFormatImpl;
import javax.imageio.stream.ImageInputStream;
import md.migratiesigura.portal.media.ImageService.Refusal;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Decodes an upload only after its header has said how much memory that takes: the pixel count, the bands and bits
 * per sample, and what the format's reader keeps while it works. A picture wider than the portal keeps is decoded
 * subsampled, straight to about the kept width, so a 40-megapixel photo never exists at full size in memory. Few
 * decodes run at once; one more waits a little, then is refused as {@link Refusal#BUSY}.
 * <p>
 * What each reader holds beyond the picture it returns was measured on 6-megapixel files with the readers on the
 * classpath (the JDK's PNG and JPEG readers, the TwelveMonkeys WebP reader the parent pom names): see
 * {@link #decodeBytes}.
 */
final class ImageDecoder {

    /** What one decode may hold: with {@link #CONCURRENT_DECODES}, a small share of the server's 512 MB heap. */
    static final long MAX_DECODE_BYTES = 64L * 1024 * 1024;
    static final int CONCURRENT_DECODES = 2;
    private static final Duration WAIT_FOR_A_DECODE = Duration.ofSeconds(5);

    /** What the WebP reader holds per pixel of the whole frame besides the image it returns, measured. */
    private static final int WEBP_LOSSY_FRAME_BYTES = 24;
    private static final int WEBP_LOSSLESS_FRAME_BYTES = 4;

    /** An upload the header alone decided against. */
    static final class Refused extends Exception {
        final Refusal refusal;

        Refused(Refusal refusal) {
            super(refusal.name(), null, false, false);
            this.refusal = refusal;
        }
    }

    /** A decoded picture, perhaps subsampled, and the size the file declared. */
    record Decoded(BufferedImage image, int width, int height) {
    }

    /** What the header says: size, samples, and how the format stores them. */
    record Header(String format, long width, long height, int bands, int bytesPerSample, boolean progressive,
                  boolean lossless) {
    }

    final Semaphore permits;
    private final Duration wait;

    ImageDecoder() {
        this(CONCURRENT_DECODES, WAIT_FOR_A_DECODE);
    }

    ImageDecoder(int concurrentDecodes, Duration wait) {
        this.permits = new Semaphore(concurrentDecodes, true);
        this.wait = wait;
    }

    /**
     * Reads the header of {@code bytes} with a reader of {@code format} only, refuses what would not fit, then
     * decodes and hands the picture to {@code use} while still counted among the running decodes (resizing a large
     * picture costs memory too).
     */
    <T> T decode(byte[] bytes, String format, Function<Decoded, T> use) throws Refused, IOException {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format);
        if (!readers.hasNext()) {
            throw new IOException("no reader for " + format);
        }
        ImageReader reader = readers.next();
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            reader.setInput(input, true, true);
            long width = reader.getWidth(0);
            long height = reader.getHeight(0);
            if (width <= 0 || height <= 0 || width * height > ImageService.MAX_PIXELS) {
                throw new Refused(Refusal.TOO_MANY_PIXELS);
            }
            Header header = header(reader, format, width, height);
            int step = subsampling(header);
            if (decodeBytes(header, step) > MAX_DECODE_BYTES) {
                throw new Refused(Refusal.TOO_MUCH_MEMORY);
            }
            if (!acquire()) {
                throw new Refused(Refusal.BUSY);
            }
            try {
                ImageReadParam param = reader.getDefaultReadParam();
                param.setSourceSubsampling(step, step, 0, 0);
                BufferedImage image = reader.read(0, param);
                if (image == null) {
                    throw new IOException("nothing decoded");
                }
                return use.apply(new Decoded(image, (int) width, (int) height));
            } finally {
                permits.release();
            }
        } finally {
            reader.dispose();
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Header header(ImageReader reader, String format, long width, long height) throws IOException {
        ImageTypeSpecifier type = reader.getRawImageType(0);
        if (type == null) {
            Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
            if (!types.hasNext()) {
                throw new IOException("no image type");
            }
            type = types.next();
        }
        int bits = 0;
        for (int size : type.getSampleModel().getSampleSize()) {
            bits = Math.max(bits, size);
        }
        Node compression = compression(metadata(reader));
        String scans = value(compression, "NumProgressiveScans");
        // A JPEG that does not say how it is stored counts as progressive: the larger cost.
        boolean progressive = scans == null ? format.equals("jpeg") : !scans.equals("1") && !scans.equals("0");
        boolean lossless = "TRUE".equalsIgnoreCase(value(compression, "Lossless"));
        return new Header(format, width, height, type.getNumBands(), (bits + 7) / 8, progressive, lossless);
    }

    /**
     * The source step that brings the width down to at least {@link ImageService#LARGE_WIDTH}, and no further:
     * the resizing after decoding then has enough pixels for a sharp result. WebP is read whole: its reader decodes
     * the whole frame whatever the step, and stepping only adds a copy.
     */
    static int subsampling(Header header) {
        if (header.format().equals("webp")) {
            return 1;
        }
        return (int) Math.max(1, header.width() / ImageService.LARGE_WIDTH);
    }

    /**
     * The bytes a decode holds at its peak: the picture it returns, plus what the reader keeps of the whole frame.
     * The JPEG reader keeps nothing more for a baseline file; for a progressive one libjpeg holds every coefficient
     * of every band (16 bits each) until the last scan, outside the Java heap but memory all the same. The WebP
     * reader keeps every macroblock of a lossy frame and a whole ARGB raster for a lossless one.
     */
    static long decodeBytes(Header header, int step) {
        long kept = ceilDiv(header.width(), step) * ceilDiv(header.height(), step) * header.bands()
                * header.bytesPerSample();
        long frame = header.width() * header.height();
        return switch (header.format()) {
            case "jpeg" -> kept + (header.progressive() ? frame * header.bands() * 2 : 0);
            case "webp" -> kept + frame * (header.lossless() ? WEBP_LOSSLESS_FRAME_BYTES : WEBP_LOSSY_FRAME_BYTES);
            default -> kept;
        };
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /**
     * The image's metadata, or null where it cannot be read: the JPEG reader's parser gives up on malformed EXIF
     * segments that its decoder skips. The costs then assume the larger case.
     */
    private static IIOMetadata metadata(ImageReader reader) {
        try {
            return reader.getImageMetadata(0);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Node compression(IIOMetadata metadata) {
        if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
            return null;
        }
        Node root = metadata.getAsTree(IIOMetadataFormatImpl.standardMetadataFormatName);
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals("Compression")) {
                return child;
            }
        }
        return null;
    }

    private static String value(Node parent, String name) {
        if (parent == null) {
            return null;
        }
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeName().equals(name) && child instanceof Element element) {
                return element.getAttribute("value");
            }
        }
        return null;
    }
}
