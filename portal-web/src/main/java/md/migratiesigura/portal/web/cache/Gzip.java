package md.migratiesigura.portal.web.cache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/** Gzip for the page cache: bytes compressed once at the best ratio, and whether a request accepts them. */
final class Gzip {

    private Gzip() {
    }

    static byte[] compress(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.BEST_COMPRESSION);
            }
        }) {
            gzip.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Whether an {@code Accept-Encoding} header accepts gzip: it names {@code gzip} (or {@code *}) without
     * {@code q=0}.
     */
    static boolean accepted(String acceptEncoding) {
        return accepts(acceptEncoding, "gzip", true);
    }

    /** Whether the header names the coding (or {@code x-gzip} for gzip, or {@code *} when allowed) without q=0. */
    static boolean accepts(String acceptEncoding, String wanted, boolean starCounts) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean star = false;
        for (String item : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = item.split(";");
            String coding = parts[0].trim();
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].replace(" ", "");
                if (parameter.matches("q=0(\\.0{0,3})?")) {
                    refused = true;
                }
            }
            if (coding.equals(wanted) || (wanted.equals("gzip") && coding.equals("x-gzip"))) {
                return !refused;
            }
            if (coding.equals("*")) {
                star = starCounts && !refused;
            }
        }
        return star;
    }
}
