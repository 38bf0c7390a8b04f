package md.migratiesigura.portal.web.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * Rendered public pages kept in memory, each valid for the content version it was rendered under and for a short
 * time (what depends on the clock alone, like a scheduled article's hour or the next event, changes without a
 * version move). Least recently used pages leave first once the size limit is reached.
 */
public final class PageCache {

    static final String GZIP = "gzip";
    static final String ZSTD = "zstd";

    /**
     * A rendered page: its headers as Wicket set them, its bytes, and the same bytes gzipped and Zstandard-compressed
     * once as it was kept (what a browser that accepts either is sent; {@code zstd} is null when Zstandard is not
     * available here). {@code answers} holds what {@link CachedPageHandler} prepared for the page once it was first
     * asked for, so that it leaves the memory with the page.
     */
    public record Page(int status, List<Map.Entry<String, String>> headers, byte[] body, byte[] gzipped, byte[] zstd,
                       long version, Instant expires, AtomicReference<CachedPageHandler.Answer[][]> answers) {

        int bytes() {
            return body.length + gzipped.length + (zstd == null ? 0 : zstd.length);
        }

        /**
         * The coding a browser sending this {@code Accept-Encoding} gets: Zstandard when it accepts it (and it is
         * smaller), else gzip when accepted; null for the plain bytes. Nothing is compressed per request.
         */
        String codingFor(String acceptEncoding) {
            if (acceptEncoding == null) {
                return null;
            }
            if (zstd != null && zstd.length < gzipped.length && Zstandard.accepted(acceptEncoding)) {
                return ZSTD;
            }
            return Gzip.accepted(acceptEncoding) ? GZIP : null;
        }

        /** The page's bytes in a coding {@link #codingFor} chose (null: the plain bytes). */
        byte[] in(String coding) {
            return coding == null ? body : ZSTD.equals(coding) ? zstd : gzipped;
        }
    }

    private final long maxBytes;
    private final int maxPageBytes;
    private final Duration timeToLive;
    private final LongSupplier contentVersion;
    private final Clock clock;
    private final LinkedHashMap<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public PageCache(long maxBytes, int maxPageBytes, Duration timeToLive, LongSupplier contentVersion, Clock clock) {
        this.maxBytes = maxBytes;
        this.maxPageBytes = maxPageBytes;
        this.timeToLive = timeToLive;
        this.contentVersion = contentVersion;
        this.clock = clock;
    }

    /** The content version a page about to be rendered belongs to: read it before rendering starts. */
    public long version() {
        return contentVersion.getAsLong();
    }

    public synchronized Optional<Page> get(String key) {
        Page page = pages.get(key);
        if (page == null) {
            return Optional.empty();
        }
        if (page.version() != contentVersion.getAsLong() || !clock.instant().isBefore(page.expires())) {
            remove(key);
            return Optional.empty();
        }
        return Optional.of(page);
    }

    /**
     * Keeps a page rendered under {@code version}, unless the content has moved on since, or it is too big.
     *
     * @return the page as kept, gzipped bytes included; empty when it was not kept
     */
    public Optional<Page> put(String key, int status, List<Map.Entry<String, String>> headers, byte[] body,
                              long version) {
        if (body.length > maxPageBytes || version != contentVersion.getAsLong()) {
            return Optional.empty();
        }
        // Compressed once, outside the lock, at the best ratio: every later reader of the page gets these bytes.
        Page page = new Page(status, List.copyOf(headers), body, Gzip.compress(body), Zstandard.compress(body), version,
                clock.instant().plus(timeToLive), new AtomicReference<>());
        synchronized (this) {
            if (version != contentVersion.getAsLong()) {
                return Optional.empty();
            }
            remove(key);
            pages.put(key, page);
            bytes += page.bytes();
            var eldest = pages.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().bytes();
                eldest.remove();
            }
        }
        return Optional.of(page);
    }

    public synchronized int size() {
        return pages.size();
    }

    private void remove(String key) {
        Page old = pages.remove(key);
        if (old != null) {
            bytes -= old.bytes();
        }
    }
}
