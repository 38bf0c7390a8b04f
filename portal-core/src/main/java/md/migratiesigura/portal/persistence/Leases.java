package md.migratiesigura.portal.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Database leases, so that a periodic job with an effect on the whole cluster (scheduled publishing, closing ended
 * months, cleaning the search outbox) runs on one node at a time, whatever the number of nodes. A node takes a free
 * or expired lease, or renews its own, in one statement; expiry is measured by the database's clock, so the nodes'
 * clocks need not agree. The holder keeps the lease as long as it renews it within the time to live; when it stops
 * (stopped, killed, cut off), another node takes over once the lease has expired.
 *
 * <p>A lease is not a lock: a job that runs longer than the time to live may overlap with the next holder's run, so
 * the jobs guarded here are also safe to repeat, and the time to live is chosen well above their running time.
 */
public final class Leases {

    private static final Logger log = LoggerFactory.getLogger(Leases.class);
    static final int MAX_NAME = 64;

    private final DataSource dataSource;
    private final String holder;

    /** Leases held in the name of a new random node id: one per process (per started portal). */
    public Leases(DataSource dataSource) {
        this(dataSource, newNodeId());
    }

    Leases(DataSource dataSource, String holder) {
        this.dataSource = Objects.requireNonNull(dataSource);
        this.holder = holder;
    }

    /** This node's id as written in {@code cluster_leases.holder}: the host name and a random part. */
    public String holder() {
        return holder;
    }

    /**
     * Takes the lease if it is free or expired, or renews it if this node holds it.
     *
     * @return whether this node holds the lease now, for {@code ttl} from now; false also when the database cannot
     *         be reached (the job waits for the next round rather than running twice)
     */
    public boolean hold(String name, Duration ttl) {
        if (name == null || name.isEmpty() || name.length() > MAX_NAME) {
            throw new IllegalArgumentException("lease name: 1 to " + MAX_NAME + " characters");
        }
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("lease time to live must be positive");
        }
        long micros = ttl.toNanos() / 1000;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement renew = c.prepareStatement("UPDATE cluster_leases"
                    + " SET holder = ?, expires_at = UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND"
                    + " WHERE name = ? AND (holder = ? OR expires_at < UTC_TIMESTAMP(6))")) {
                renew.setString(1, holder);
                renew.setLong(2, micros);
                renew.setString(3, name);
                renew.setString(4, holder);
                if (renew.executeUpdate() > 0) {
                    return true;
                }
            }
            // No row taken or renewed: either another node holds it, or the lease was never taken.
            try (PreparedStatement first = c.prepareStatement("INSERT IGNORE INTO cluster_leases (name, holder, expires_at)"
                    + " VALUES (?, ?, UTC_TIMESTAMP(6) + INTERVAL ? MICROSECOND)")) {
                first.setString(1, name);
                first.setString(2, holder);
                first.setLong(3, micros);
                return first.executeUpdate() > 0;
            }
        } catch (SQLException e) {
            // Under Galera two nodes taking the same lease at once can also end here (a certification conflict).
            log.warn("Lease '{}' not taken this time: {}", name,
                    e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse(""));
            return false;
        }
    }

    /**
     * Runs {@code job} if this node holds (takes or renews) the lease, on the calling thread.
     *
     * @return whether the job ran
     */
    public boolean tryRun(String name, Duration ttl, Runnable job) {
        if (!hold(name, ttl)) {
            return false;
        }
        job.run();
        return true;
    }

    /** Gives the lease up if this node holds it, so that another node may take it at once (on a clean stop). */
    public void release(String name) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM cluster_leases WHERE name = ? AND holder = ?")) {
            c.setAutoCommit(true);
            delete.setString(1, name);
            delete.setString(2, holder);
            delete.executeUpdate();
        } catch (SQLException e) {
            log.debug("Lease '{}' not released (it expires by itself): {}", name, e.toString());
        }
    }

    /** An exclusive section held until closed. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** How long an exclusive section's lease lives without renewal: a node killed inside frees it after this. */
    static final Duration SECTION_TTL = Duration.ofSeconds(30);

    /**
     * Waits until this process holds the lease {@code name} and keeps it (renewed in the background) until closed:
     * for work that must not run on two nodes at the same moment and must not be skipped either, such as a node's
     * first start on an empty database (the administrator and the content are created once). A row of
     * {@code cluster_leases}, so it holds across the nodes of a Galera cluster, where a named lock ({@code GET_LOCK})
     * would be local to one database node. A node killed inside the section frees it within {@link #SECTION_TTL}. If
     * the lease is not had within {@code wait}, the caller goes on without it (and a unique key refuses what was
     * created twice).
     */
    public static Held exclusively(DataSource dataSource, String name, Duration wait) {
        Leases leases = new Leases(dataSource);
        long deadline = System.nanoTime() + wait.toNanos();
        while (!leases.hold(name, SECTION_TTL)) {
            if (System.nanoTime() > deadline) {
                log.warn("Lease '{}' not had within {}: going on without it", name, wait);
                return () -> { };
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return () -> { };
            }
        }
        ScheduledExecutorService renewing = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "lease-" + name);
            t.setDaemon(true);
            return t;
        });
        long every = SECTION_TTL.toMillis() / 3;
        renewing.scheduleWithFixedDelay(() -> leases.hold(name, SECTION_TTL), every, every, TimeUnit.MILLISECONDS);
        return () -> {
            renewing.shutdownNow();
            try {
                renewing.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            leases.release(name);
        };
    }

    private static String newNodeId() {
        // No name lookup here (it can hang on a badly configured resolver): the shell's host name when exported.
        String host = System.getenv("HOSTNAME");
        host = host == null ? "" : host.replaceAll("[^A-Za-z0-9.-]", "");
        if (host.length() > 60) {
            host = host.substring(0, 60);
        }
        return (host.isEmpty() ? "node" : host) + "-" + ProcessHandle.current().pid() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }
}
