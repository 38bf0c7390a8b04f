package md.migratiesigura.portal.search;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A number that moves whenever published content may have changed: right after the commit of any change that goes
 * through the {@link SearchOutbox} in this process, and whenever the {@link IndexFeeder} applies outbox rows (which
 * is how a change made on another node arrives here), and when a writer of other public figures says so
 * ({@link #changed()}). Whatever is derived from published content and kept in memory
 * (the public page cache) is valid only for the version it was made under.
 * <p>
 * One per process: two portals in one JVM (tests) only invalidate each other's caches more often.
 */
public final class ContentVersion {

    private static final AtomicLong VERSION = new AtomicLong();

    private ContentVersion() {
    }

    public static long current() {
        return VERSION.get();
    }

    /**
     * Says that published content changed, once the change is committed. Changes through the {@link SearchOutbox}
     * call it by themselves; other writers of what public pages show (the report's figures) call it directly.
     */
    public static void changed() {
        VERSION.incrementAndGet();
    }
}
