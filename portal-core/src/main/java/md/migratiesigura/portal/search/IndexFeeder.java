package md.migratiesigura.portal.search;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.persistence.Leases;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the index in step with the database by following the search outbox: every half second it re-indexes the
 * items changed since the position recorded in the index's last commit. Rows of the last 30 seconds are read again
 * each time, because a transaction can commit a lower outbox id after a higher one; re-indexing is idempotent.
 */
public final class IndexFeeder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IndexFeeder.class);
    static final Duration REREAD_WINDOW = Duration.ofSeconds(30);
    static final Duration KEEP_OUTBOX = Duration.ofDays(7);
    static final String CLEANUP_LEASE = "search-outbox-cleanup";
    static final Duration CLEANUP_LEASE_TTL = Duration.ofHours(3);

    private final SearchIndex index;
    private final SessionFactory sessionFactory;
    private final Map<String, SearchSource> sources;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private Instant lastCleanup = Instant.EPOCH;
    private Leases leases;
    /** Outbox ids already applied that are still inside the re-read window: not applied twice. */
    private final Set<Long> applied = new HashSet<>();

    public IndexFeeder(SearchIndex index, SessionFactory sessionFactory, List<SearchSource> sources, Clock clock) {
        this.index = index;
        this.sessionFactory = sessionFactory;
        this.sources = sources.stream().collect(Collectors.toMap(SearchSource::type, Function.identity()));
        this.clock = clock;
        this.executor = BackgroundThreads.scheduled("search-index-feeder");
    }

    /** With several nodes, only the holder of {@link #CLEANUP_LEASE} deletes old outbox rows; each node follows it. */
    public synchronized IndexFeeder cleaningUnder(Leases leases) {
        this.leases = leases;
        return this;
    }

    /** Rebuilds the index when it cannot be trusted (new, corrupt, other analyzers), then follows the outbox. */
    public void start() {
        if (index.needsRebuild()) {
            long position = sessionFactory.fromTransaction(session -> session.createNativeQuery(
                    "select coalesce(max(id), 0) from search_outbox", Long.class).getSingleResult());
            index.rebuild(List.copyOf(sources.values()), position);
        }
        catchUp();
        executor.scheduleWithFixedDelay(this::catchUpQuietly, 500, 500, TimeUnit.MILLISECONDS);
    }

    private void catchUpQuietly() {
        try {
            catchUp();
        } catch (RuntimeException e) {
            // The database may be briefly away; the next round starts again from the committed position.
            log.warn("Search index update postponed: {}", e.toString());
        }
    }

    /** Re-indexes what changed since the index's position; returns how many items were re-indexed. */
    public synchronized int catchUp() {
        long position = index.position();
        Instant recent = clock.instant().minus(REREAD_WINDOW);
        List<Object[]> rows = sessionFactory.fromTransaction(session -> session.createNativeQuery(
                        "select id, doc_type, doc_key from search_outbox where id > :position or created_at >= :recent"
                                + " order by id", Object[].class)
                .setParameter("position", position)
                .setParameter("recent", recent)
                .setMaxResults(5_000)
                .getResultList());
        long newPosition = position;
        Set<List<String>> items = new LinkedHashSet<>();
        Set<Long> seen = new HashSet<>();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            seen.add(id);
            if (applied.contains(id)) {
                continue;
            }
            items.add(List.of((String) row[1], (String) row[2]));
            newPosition = Math.max(newPosition, id);
        }
        // Ids that left the window cannot come back: forget them.
        applied.retainAll(seen);
        if (items.isEmpty()) {
            cleanUpNowAndThen();
            return 0;
        }
        boolean anyNew = newPosition > position;
        for (List<String> item : items) {
            SearchSource source = sources.get(item.get(0));
            if (source != null) {
                index.replace(item.get(0), item.get(1), source.documents(item.get(1)));
            }
        }
        index.commit(newPosition);
        applied.addAll(seen);
        // Changes made on other nodes reach this one here.
        ContentVersion.changed();
        if (anyNew) {
            log.debug("Search index now at outbox position {}", newPosition);
        }
        return items.size();
    }

    private void cleanUpNowAndThen() {
        Instant now = clock.instant();
        if (Duration.between(lastCleanup, now).compareTo(Duration.ofHours(1)) < 0) {
            return;
        }
        lastCleanup = now;
        if (leases != null && !leases.hold(CLEANUP_LEASE, CLEANUP_LEASE_TTL)) {
            return;
        }
        sessionFactory.inTransaction(session -> session.createNativeMutationQuery(
                        "delete from search_outbox where created_at < :before")
                .setParameter("before", now.minus(KEEP_OUTBOX))
                .executeUpdate());
    }

    @Override
    public void close() {
        BackgroundThreads.shutdownAndWait(executor, Duration.ofSeconds(5));
    }
}
