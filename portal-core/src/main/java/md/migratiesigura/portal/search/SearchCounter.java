package md.migratiesigura.portal.search;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.common.PortalTime;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts searches per month, in memory, and adds them to the database every five seconds and at shutdown. Only the
 * number is kept: never the words. A failed write keeps the counts for the next round.
 */
public final class SearchCounter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SearchCounter.class);
    private static final ZoneId ZONE = PortalTime.ZONE;

    private final SessionFactory sessionFactory;
    private final Clock clock;
    private final Map<YearMonth, LongAdder> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService flusher;

    public SearchCounter(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
        this.flusher = BackgroundThreads.scheduled("search-counter");
        flusher.scheduleWithFixedDelay(this::flushQuietly, 5, 5, TimeUnit.SECONDS);
    }

    /** Counts one search now; never blocks. */
    public void count() {
        pending.computeIfAbsent(YearMonth.now(clock.withZone(ZONE)), m -> new LongAdder()).increment();
    }

    /** Writes what was counted; what cannot be written stays counted. */
    public synchronized void flush() {
        for (Map.Entry<YearMonth, LongAdder> entry : pending.entrySet()) {
            long n = entry.getValue().sumThenReset();
            if (n == 0) {
                continue;
            }
            try {
                sessionFactory.inTransaction(session -> session.createNativeMutationQuery(
                                "insert into search_counts (month, searches) values (:month, :n)"
                                        + " on duplicate key update searches = searches + :n")
                        .setParameter("month", entry.getKey().toString())
                        .setParameter("n", n)
                        .executeUpdate());
            } catch (RuntimeException e) {
                entry.getValue().add(n);
                throw e;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Search counts kept in memory, the database is not reachable: {}", e.toString());
        }
    }

    /** The searches counted for a month, written or not yet. */
    public long searches(YearMonth month) {
        Long stored = sessionFactory.fromTransaction(session -> session.createNativeQuery(
                        "select searches from search_counts where month = :month", Long.class)
                .setParameter("month", month.toString())
                .getSingleResultOrNull());
        LongAdder unwritten = pending.get(month);
        return (stored == null ? 0 : stored) + (unwritten == null ? 0 : unwritten.sum());
    }

    @Override
    public void close() {
        flusher.shutdown();
        flushQuietly();
    }
}
