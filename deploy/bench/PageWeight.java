import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Bytes on the wire for a page and everything it loads (stylesheets, scripts, images, icons, fonts), as a first-time
 * reader's browser fetches them: uncompressed, and gzip-compressed at level 5 as the nginx site of deploy/nginx
 * compresses text (images are counted as they are).
 *
 * <pre>java deploy/bench/PageWeight.java BASE_URL PATH...</pre>
 *
 * Prints one line per page: {@code WEIGHT path files=N bytes=B gzip=G}; exits non-zero if anything fails to load
 * or the page loads anything from another origin.
 */
public final class PageWeight {

    private static final Pattern REFERENCES = Pattern.compile(
            "<(?:link[^>]*\\shref|script[^>]*\\ssrc|img[^>]*\\ssrc|source[^>]*\\ssrcset)=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0].endsWith("/") ? args[0] : args[0] + "/");
        int failures = 0;
        for (int i = 1; i < args.length; i++) {
            URI page = base.resolve(args[i].replaceFirst("^/", ""));
            byte[] html = fetch(page);
            long bytes = html.length;
            long gzip = gzip(html);
            int files = 1;
            Set<URI> assets = new LinkedHashSet<>();
            Matcher m = REFERENCES.matcher(new String(html, StandardCharsets.UTF_8));
            while (m.find()) {
                String reference = m.group(1).replace("&amp;", "&").split("[ ,]")[0];
                if (m.group(0).toLowerCase().contains("rel=\"canonical\"") || m.group(0).toLowerCase().contains("rel=\"alternate\"")) {
                    continue;
                }
                URI asset = page.resolve(reference);
                if (!asset.getAuthority().equals(page.getAuthority())) {
                    System.err.println("third-party request from " + args[i] + ": " + asset);
                    failures++;
                    continue;
                }
                assets.add(asset);
            }
            for (URI asset : assets) {
                byte[] body = fetch(asset);
                bytes += body.length;
                String path = asset.getPath();
                gzip += path.endsWith(".css") || path.endsWith(".js") || path.endsWith(".svg") ? gzip(body) : body.length;
                files++;
            }
            System.out.printf("WEIGHT %s files=%d bytes=%d gzip=%d%n", args[i], files, bytes, gzip);
        }
        System.exit(failures == 0 ? 0 : 1);
    }

    private static byte[] fetch(URI uri) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException(uri + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static long gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out) {
            {
                def.setLevel(5);
            }
        }) {
            gz.write(data);
        }
        return out.size();
    }
}
