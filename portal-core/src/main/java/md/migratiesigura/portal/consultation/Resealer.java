package md.migratiesigura.portal.consultation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import md.migratiesigura.portal.common.SealedColumn;
import md.migratiesigura.portal.persistence.Leases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Seals every sealed value again with the current (first) key of {@code PORTAL_CONSULTATION_KEY}, bound to its row
 * ({@link ConsultationCipher}'s current format), so that an older key can be taken out of the setting and no value of
 * the former format, bound to its field's name only, is left. It runs in the background from the start, on one node
 * at a time (the {@value #LEASE} lease), in batches of {@value #BATCH} rows, each in a transaction of its own. A value
 * is replaced only if it is still the one read, so a change made meanwhile wins, and a run repeated or cut short
 * leaves nothing half done. Only counts reach the log.
 *
 * <p>Once no value of the former format is left, this node's cipher refuses that format: a value copied in from an
 * old backup then opens in no row. A node that did not run the job looks again every minute until then.
 */
public final class Resealer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Resealer.class);
    public static final String LEASE = "consultation-reseal";
    static final Duration LEASE_TTL = Duration.ofMinutes(10);
    static final int BATCH = 200;
    private static final Duration RETRY = Duration.ofMinutes(1);

    /** What a run did: values sealed again, and values that did not open (another key, or changed). */
    public record Outcome(int resealed, int unopened) {
    }

    private final DataSource dataSource;
    private final ConsultationCipher cipher;
    private final Leases leases;
    private final List<SealedColumn> columns;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "consultation-reseal");
        t.setDaemon(true);
        return t;
    });
    /** Whether this node has run the job since it started (once is enough: it is repeated at the next start). */
    private boolean ranHere;

    public Resealer(DataSource dataSource, ConsultationCipher cipher, Leases leases, List<SealedColumn> columns) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.leases = leases;
        this.columns = List.copyOf(columns);
    }

    /** Runs the job in the background now, and looks again every minute until no former-format value is left. */
    public Resealer start() {
        executor.execute(this::round);
        return this;
    }

    private void round() {
        try {
            if (!ranHere && leases.hold(LEASE, LEASE_TTL)) {
                try {
                    resealAll(() -> leases.hold(LEASE, LEASE_TTL));
                    ranHere = true;
                } finally {
                    leases.release(LEASE);
                }
            }
            long former = formerFormatLeft();
            if (former == 0) {
                cipher.refuseFormerFormat();
                return;
            }
            if (ranHere) {
                log.warn("{} sealed value(s) of the former format could not be sealed again; they stay readable until"
                        + " they can be", former);
                return;
            }
        } catch (RuntimeException e) {
            // The database may be away for a while: the next round tries again.
            log.warn("Sealing the consultation values again was postponed: {}", e.toString());
        }
        executor.schedule(this::round, RETRY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Seals again, with the current key and format, every value that is not sealed so yet, in every column. */
    public Outcome resealAll() {
        return resealAll(() -> true);
    }

    /** The same, stopping early when {@code stillHolding} says this node lost the lease (another node carries on). */
    private Outcome resealAll(BooleanSupplier stillHolding) {
        int resealed = 0;
        int unopened = 0;
        byte[] current = cipher.currentPrefix();
        columns:
        for (SealedColumn column : columns) {
            long after = 0;
            while (true) {
                Batch batch = resealBatch(column, current, after);
                resealed += batch.resealed();
                unopened += batch.unopened();
                if (batch.lastId() < 0) {
                    break;
                }
                if (!stillHolding.getAsBoolean()) {
                    break columns;
                }
                after = batch.lastId();
            }
        }
        if (resealed > 0 || unopened > 0) {
            log.info("Sealed {} consultation value(s) again with the current key; {} did not open (sealed with a key"
                    + " no longer configured, or changed)", resealed, unopened);
        }
        return new Outcome(resealed, unopened);
    }

    private record Batch(int resealed, int unopened, long lastId) {
    }

    private record Row(long id, byte[] value) {
    }

    /** One batch of rows after {@code after} whose value is not sealed with {@code current}; lastId -1 when none. */
    private Batch resealBatch(SealedColumn column, byte[] current, long after) {
        String table = column.table();
        String name = column.column();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Row> rows = new ArrayList<>();
                try (PreparedStatement select = c.prepareStatement("SELECT id, " + name + " FROM " + table
                        + " WHERE id > ? AND " + name + " IS NOT NULL AND LEFT(" + name + ", 5) <> ?"
                        + " ORDER BY id LIMIT " + BATCH)) {
                    select.setLong(1, after);
                    select.setBytes(2, current);
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            rows.add(new Row(rs.getLong(1), rs.getBytes(2)));
                        }
                    }
                }
                int resealed = 0;
                int unopened = 0;
                try (PreparedStatement update = c.prepareStatement("UPDATE " + table + " SET " + name + " = ?"
                        + " WHERE id = ? AND " + name + " = ?")) {
                    for (Row row : rows) {
                        SealedColumn.Cell cell = column.row(row.id());
                        String text;
                        try {
                            text = cipher.open(cell, row.value());
                        } catch (IllegalStateException e) {
                            unopened++;
                            continue;
                        }
                        update.setBytes(1, cipher.seal(cell, text));
                        update.setLong(2, row.id());
                        update.setBytes(3, row.value());
                        resealed += update.executeUpdate();
                    }
                }
                c.commit();
                return new Batch(resealed, unopened, rows.isEmpty() ? -1 : rows.get(rows.size() - 1).id());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("sealing " + table + "." + name + " again failed: " + e.getMessage(), e);
        }
    }

    /** How many values of the former format (bound to their field's name only) are left in all columns. */
    public long formerFormatLeft() {
        long left = 0;
        try (Connection c = dataSource.getConnection()) {
            for (SealedColumn column : columns) {
                try (PreparedStatement count = c.prepareStatement("SELECT COUNT(*) FROM " + column.table()
                        + " WHERE LEFT(" + column.column() + ", 1) = ?")) {
                    count.setBytes(1, new byte[] {ConsultationCipher.FORMER_FORMAT});
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        left += rs.getLong(1);
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("counting the former-format values failed: " + e.getMessage(), e);
        }
        return left;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
