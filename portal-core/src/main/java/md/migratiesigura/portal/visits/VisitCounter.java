package md.migratiesigura.portal.visits;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.persistence.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts pageviews without slowing a page: {@link #record} only offers the request's raw facts to a bounded
 * lock-free queue and returns at once (a full queue drops the pageview and counts the drop). A digester thread, every
 * {@value #DIGEST_INTERVAL_MILLIS} ms, tells bots apart, classifies the referrer and device and hashes the visitor;
 * a flusher thread applies what was digested in batches, each in one transaction ({@link VisitBatchWriter}, which
 * aggregates it per visitor, day, month and breakdown). A batch the database refuses is kept (up to a
 * bound) and retried next round; a batch applied twice counts once. Months that have ended are closed: their salt
 * and visitor hashes are deleted, only counts remain.
 */
public final class VisitCounter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(VisitCounter.class);

    /** Pageviews of one visitor further apart than this start a new visit. */
    public static final Duration VISIT_GAP = Duration.ofMinutes(30);
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(2);
    /** How often ended months are looked for; well inside the 30 minutes a month waits before closing. */
    static final Duration CLOSING_INTERVAL = Duration.ofMinutes(1);
    /** With several nodes, one of them deletes ended months' salts and hashes: the holder of this lease. */
    public static final String CLOSING_LEASE = "visit-month-closing";
    static final Duration CLOSING_LEASE_TTL = CLOSING_INTERVAL.multipliedBy(3);
    static final int MAX_PATH = 200;
    static final long DIGEST_INTERVAL_MILLIS = 50;

    /** What became of one request handed to {@link #record}: queued for counting (bots are told apart later), or dropped. */
    public enum Outcome { QUEUED, DROPPED }

    private final DataSource dataSource;
    private final Clock clock;
    private final UserAgents userAgents;
    private final PageviewQueue queue;
    private final int maxPendingEvents;
    /** Digested pageviews waiting for the next flush; guarded by itself (the digester and the flush take turns). */
    private final List<Pageview> digested = new ArrayList<>();
    private final Deque<VisitBatchWriter.Batch> pending = new ArrayDeque<>();
    private final Map<Month, byte[]> salts = new ConcurrentHashMap<>();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder counted = new LongAdder();
    private final LongAdder bots = new LongAdder();
    private final SecureRandom random = new SecureRandom();
    private final ThreadLocal<MessageDigest> sha256 = ThreadLocal.withInitial(VisitCounter::newDigest);
    private ScheduledExecutorService flusher;
    private ScheduledExecutorService digester;
    private volatile Instant lastFlush;
    private Instant lastClosing;
    private volatile boolean databaseFailing;
    private Leases leases;

    /**
     * @param queueCapacity    events that may wait for the next flush; beyond it they are dropped (and counted)
     * @param maxPendingEvents events kept across failed flushes while the database is down
     */
    public VisitCounter(DataSource dataSource, Clock clock, UserAgents userAgents, int queueCapacity,
                        int maxPendingEvents) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.userAgents = userAgents;
        this.queue = new PageviewQueue(queueCapacity);
        this.maxPendingEvents = maxPendingEvents;
    }

    public static VisitCounter standard(DataSource dataSource, Clock clock) {
        return standard(dataSource, clock, UserAgents.standard());
    }

    /** With the bot patterns compiled already (the start compiles them while the database opens). */
    public static VisitCounter standard(DataSource dataSource, Clock clock, UserAgents userAgents) {
        return new VisitCounter(dataSource, clock, userAgents, 50_000, 500_000);
    }

    /**
     * Deletes ended months from the database only while holding {@link #CLOSING_LEASE}, so that several nodes do
     * not all do it; each node still forgets the ended months' salts it holds in memory. Counting stays per node.
     */
    public synchronized VisitCounter closingUnder(Leases leases) {
        this.leases = leases;
        return this;
    }

    /**
     * Digests the queue every {@value #DIGEST_INTERVAL_MILLIS} ms and flushes every {@code interval}, each on its
     * own daemon thread, until {@link #close}.
     */
    public synchronized VisitCounter start(Duration interval) {
        if (flusher == null) {
            digester = BackgroundThreads.scheduled("visit-digester");
            digester.scheduleWithFixedDelay(this::digestQuietly, DIGEST_INTERVAL_MILLIS, DIGEST_INTERVAL_MILLIS,
                    TimeUnit.MILLISECONDS);
            flusher = BackgroundThreads.scheduled("visit-flusher");
            flusher.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /**
     * Hands one successful public pageview over for counting. Only the request's values are queued, as they came:
     * telling bots apart, classifying and hashing happen on the digester thread. Never blocks: a full queue drops
     * the pageview and counts the drop.
     *
     * @param atMillis      when the page was served (epoch milliseconds)
     * @param remoteAddress the connection's address, resolved with {@code forwardedFor} by the source, never stored
     * @param forwardedFor  the raw {@code X-Forwarded-For}, or null
     * @param referer       the request's {@code Referer}, reduced to a class and a domain later
     */
    public Outcome record(long atMillis, String remoteAddress, String forwardedFor, String userAgent, String path,
                          Language language, String referer, VisitSource source) {
        if (!queue.offer(new RawPageview(atMillis, remoteAddress, forwardedFor, userAgent, path, language, referer,
                source))) {
            dropped.increment();
            return Outcome.DROPPED;
        }
        return Outcome.QUEUED;
    }

    /** {@link #record(long, String, String, String, String, Language, String, VisitSource)} for a known address. */
    public Outcome record(Instant at, String address, String userAgent, String path, Language language,
                          String referer, String ownHost) {
        return record(at.toEpochMilli(), address, null, userAgent, path, language, referer, VisitSource.direct(ownHost));
    }

    /**
     * Turns what is queued into pageviews ready to write: bots left out (and counted), referrer and device
     * classified, the visitor hashed when the month's salt is known (otherwise the flush hashes it). Stops taking
     * from the queue while {@code maxPendingEvents} digested pageviews wait for a database that does not answer: the
     * queue then fills and drops, and memory stays bounded.
     */
    void digest() {
        synchronized (digested) {
            RawPageview raw;
            while (digested.size() < maxPendingEvents && (raw = queue.poll()) != null) {
                Pageview pageview = digest(raw);
                if (pageview != null) {
                    digested.add(pageview);
                }
            }
        }
    }

    private Pageview digest(RawPageview raw) {
        String userAgent = raw.userAgent();
        if (userAgents.isBot(userAgent)) {
            bots.increment();
            return null;
        }
        Instant at = Instant.ofEpochMilli(raw.atMillis());
        Month month = Month.of(at);
        ReferrerClass.Classified from = ReferrerClass.classify(raw.referer(), raw.source().ownHost());
        String address = raw.source().clientAddress(raw.remoteAddress(), raw.forwardedFor());
        Pageview pageview = new Pageview(at, month, null, address, userAgent, pathKey(raw.path()), raw.language(),
                DeviceClass.of(userAgent), from.type(), from.domain());
        byte[] salt = salts.get(month);
        return salt == null ? pageview : pageview.hashed(hash(salt, address, userAgent));
    }

    private void digestQuietly() {
        try {
            digest();
        } catch (Throwable t) {
            log.error("Visit counting: digesting failed: {}", t.toString());
        }
    }

    /** The path as stored: printable ASCII (a request URI is percent-encoded already), at most 200 characters. */
    static String pathKey(String path) {
        String cut = path == null || path.isEmpty() ? "/" : path.length() > MAX_PATH ? path.substring(0, MAX_PATH) : path;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c > 32 && c < 127 ? c : '?');
        }
        return out.toString();
    }

    /**
     * Applies what is queued: earlier failed batches first, then a new one. Called by the flusher thread, at
     * {@link #close} and by tests; one flush at a time.
     *
     * @return whether everything pending reached the database
     */
    public synchronized boolean flush() {
        Instant now = clock.instant();
        digest();
        List<Pageview> drained;
        synchronized (digested) {
            drained = new ArrayList<>(digested);
            digested.clear();
        }
        if (!drained.isEmpty()) {
            pending.addLast(new VisitBatchWriter.Batch(UUID.randomUUID().toString(), drained));
            trimPending();
        }
        Month current = Month.of(now);
        boolean closingDue = lastClosing == null || !now.isBefore(lastClosing.plus(CLOSING_INTERVAL));
        if (pending.isEmpty() && !closingDue && salts.containsKey(current) && salts.containsKey(current.next())) {
            // Nothing to write and nothing to close: an idle portal does not query its database every two seconds.
            return !databaseFailing;
        }
        try (Connection connection = dataSource.getConnection()) {
            loadSalts(connection, current);
            VisitBatchWriter writer = new VisitBatchWriter(connection);
            while (!pending.isEmpty()) {
                VisitBatchWriter.Batch batch = hashWaiting(connection, pending.peekFirst());
                writer.apply(batch, now);
                counted.add(batch.pageviews().size());
                pending.removeFirst();
            }
            if (closingDue) {
                closeEndedMonths(connection, now);
                lastClosing = now;
            }
            if (databaseFailing) {
                log.info("Visit counting: the database is back, the counts kept meanwhile are saved");
            }
            databaseFailing = false;
            lastFlush = now;
            return true;
        } catch (SQLException | RuntimeException e) {
            if (!databaseFailing) {
                log.warn("Visit counting: cannot write to the database ({}); counts are kept and retried",
                        e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
            }
            databaseFailing = true;
            return false;
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (Throwable t) {
            log.error("Visit counting: flush failed: {}", t.toString());
        }
    }

    /** While the database is down, the oldest events go first once the bound is reached, and are counted. */
    private void trimPending() {
        int total = pending.stream().mapToInt(b -> b.pageviews().size()).sum();
        while (total > maxPendingEvents && pending.size() > 1) {
            VisitBatchWriter.Batch oldest = pending.removeFirst();
            total -= oldest.pageviews().size();
            dropped.add(oldest.pageviews().size());
        }
    }

    /** Hashes the events that were queued before their month's salt was known. */
    private VisitBatchWriter.Batch hashWaiting(Connection connection, VisitBatchWriter.Batch batch) throws SQLException {
        if (batch.pageviews().stream().allMatch(p -> p.visitor() != null)) {
            return batch;
        }
        List<Pageview> hashed = new ArrayList<>(batch.pageviews().size());
        for (Pageview p : batch.pageviews()) {
            hashed.add(p.visitor() != null ? p : p.hashed(hash(salt(connection, p.month()), p.address(), p.userAgent())));
        }
        VisitBatchWriter.Batch ready = new VisitBatchWriter.Batch(batch.id(), hashed);
        pending.removeFirst();
        pending.addFirst(ready);
        return ready;
    }

    /** The salts of this month and the next, so that pages can be hashed at once, even just after midnight. */
    private void loadSalts(Connection connection, Month current) throws SQLException {
        salt(connection, current);
        salt(connection, current.next());
    }

    /** The month's salt: created on first use by whichever node comes first, then shared by all. */
    private byte[] salt(Connection connection, Month month) throws SQLException {
        byte[] known = salts.get(month);
        if (known != null) {
            return known;
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        connection.setAutoCommit(true);
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT IGNORE INTO visit_salts (year, month, salt, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setInt(1, month.year());
            insert.setInt(2, month.month());
            insert.setBytes(3, fresh);
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        }
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT salt FROM visit_salts WHERE year = ? AND month = ?")) {
            select.setInt(1, month.year());
            select.setInt(2, month.month());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                byte[] salt = rs.getBytes(1);
                salts.put(month, salt);
                return salt;
            }
        }
    }

    /**
     * Deletes the salt and the visitor hashes of every month that ended more than a visit gap ago: from then on
     * nobody, not even with the database, can tell whether two pageviews came from the same person.
     */
    void closeEndedMonths(Connection connection, Instant now) throws SQLException {
        Month lastClosed = Month.of(now.minus(VISIT_GAP)).previous();
        salts.keySet().removeIf(m -> m.compareTo(lastClosed) <= 0);
        if (leases != null && !leases.hold(CLOSING_LEASE, CLOSING_LEASE_TTL)) {
            return;
        }
        connection.setAutoCommit(true);
        for (String table : List.of("visit_visitors", "visit_salts")) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + table + " WHERE year * 12 + month - 1 <= ?")) {
                delete.setInt(1, lastClosed.index());
                delete.executeUpdate();
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM visit_batches WHERE applied_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(Duration.ofDays(2))));
            delete.executeUpdate();
        }
    }

    static byte[] hash(byte[] salt, String address, String userAgent, MessageDigest digest) {
        digest.reset();
        digest.update(salt);
        digest.update(address.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(userAgent.getBytes(StandardCharsets.UTF_8));
        return digest.digest();
    }

    private byte[] hash(byte[] salt, String address, String userAgent) {
        return hash(salt, address == null ? "" : address, userAgent, sha256.get());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What the staff dashboard shows about the counter itself. */
    public CounterState state() {
        int waiting;
        synchronized (this) {
            waiting = pending.stream().mapToInt(b -> b.pageviews().size()).sum();
        }
        synchronized (digested) {
            waiting += digested.size();
        }
        return new CounterState(counted.sum(), dropped.sum(), queue.size() + waiting, databaseFailing, lastFlush);
    }

    /** Requests left out as bots since start (told apart on the digester thread). */
    public long bots() {
        return bots.sum();
    }

    public long dropped() {
        return dropped.sum();
    }

    /** Stops the digester and the flusher, then digests and writes what is left (SIGTERM goes through here). */
    @Override
    public void close() {
        ScheduledExecutorService running;
        ScheduledExecutorService digesting;
        synchronized (this) {
            running = flusher;
            digesting = digester;
            flusher = null;
            digester = null;
        }
        if (digesting != null) {
            BackgroundThreads.shutdownAndWait(digesting, Duration.ofSeconds(10));
        }
        if (running != null) {
            BackgroundThreads.shutdownAndWait(running, Duration.ofSeconds(10));
        }
        if (!flush()) {
            log.warn("Visit counting: {} pageview(s) could not be saved before stopping", state().waiting());
        }
    }

    /**
     * @param counted  pageviews written since start
     * @param dropped  pageviews dropped because the queue was full or the database was down too long
     * @param waiting  pageviews queued or kept for a retry
     */
    public record CounterState(long counted, long dropped, long waiting, boolean databaseFailing, Instant lastFlush)
            implements Serializable {
    }
}
