package md.migratiesigura.portal.web.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import md.migratiesigura.portal.common.BackgroundThreads;

/**
 * Files made from published content on request (the report's PDF and tables, the sitemap), each made once for the
 * content version it was made under and kept for a time of the caller's choosing. Requests for a file while it is
 * being made wait for that making instead of starting their own. At most a fixed number are kept, the least recently
 * used leaving first.
 * <p>
 * A file may be {@code null}, meaning "nothing to serve here" (a table a year does not have): that answer is kept
 * like any other.
 *
 * @param <K> what names a file
 */
public final class RenderedFiles<K> {

    private record Made(byte[] bytes, long version, Instant expires) {
    }

    private final int maxFiles;
    private final LongSupplier contentVersion;
    private final Clock clock;
    private final LinkedHashMap<K, Made> files = new LinkedHashMap<>(16, 0.75f, true);
    private final ConcurrentHashMap<K, CompletableFuture<Made>> making = new ConcurrentHashMap<>();

    public RenderedFiles(int maxFiles, LongSupplier contentVersion, Clock clock) {
        this.maxFiles = maxFiles;
        this.contentVersion = contentVersion;
        this.clock = clock;
    }

    /**
     * The file named {@code key}: the kept one if it was made under the current content version less than
     * {@code timeToLive} ago, else the one another request is making right now, else made here by {@code make}.
     * Whatever {@code make} throws reaches every request that waited for it, and nothing is kept.
     */
    public byte[] get(K key, Duration timeToLive, Supplier<byte[]> make) {
        // Read before anything is looked up or made: a change committed after this makes what follows stale.
        long version = contentVersion.getAsLong();
        Made kept = kept(key, version);
        if (kept != null) {
            return kept.bytes();
        }
        CompletableFuture<Made> mine = new CompletableFuture<>();
        CompletableFuture<Made> other = making.putIfAbsent(key, mine);
        if (other != null) {
            Made made = BackgroundThreads.joined(other);
            if (made.version() == version) {
                return made.bytes();
            }
            // That making began before a change this request already sees: make one of our own.
            return make(key, version, timeToLive, make, null);
        }
        return make(key, version, timeToLive, make, mine);
    }

    public synchronized int size() {
        return files.size();
    }

    private byte[] make(K key, long version, Duration timeToLive, Supplier<byte[]> make, CompletableFuture<Made> mine) {
        try {
            Made made = new Made(make.get(), version, clock.instant().plus(timeToLive));
            keep(key, made);
            if (mine != null) {
                mine.complete(made);
            }
            return made.bytes();
        } catch (RuntimeException | Error e) {
            if (mine != null) {
                mine.completeExceptionally(e);
            }
            throw e;
        } finally {
            if (mine != null) {
                making.remove(key, mine);
            }
        }
    }


    private synchronized Made kept(K key, long version) {
        Made file = files.get(key);
        if (file == null) {
            return null;
        }
        if (file.version() != version || !clock.instant().isBefore(file.expires())) {
            files.remove(key);
            return null;
        }
        return file;
    }

    private synchronized void keep(K key, Made file) {
        if (file.version() != contentVersion.getAsLong()) {
            return;
        }
        files.put(key, file);
        var eldest = files.entrySet().iterator();
        while (files.size() > maxFiles && eldest.hasNext()) {
            eldest.next();
            eldest.remove();
        }
    }
}
