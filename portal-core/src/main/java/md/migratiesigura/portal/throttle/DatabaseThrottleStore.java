package md.migratiesigura.portal.throttle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.IntStream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import md.migratiesigura.portal.persistence.CommitConflicts;

/**
 * Throttle state in the database ({@code throttle_counts}), shared by every portal node. A key is stored only as its
 * HMAC-SHA256 under a random secret made once and kept in {@code throttle_secret}, so the table holds no address, no
 * ticket and no e-mail; a row is forgotten once expired (expired rows are deleted now and then).
 *
 * <p>An update locks its rows ({@code SELECT … FOR UPDATE}, in the order of their hashes so that two updates never
 * wait for each other crosswise) and writes them back in one transaction: parallel requests on one node are counted
 * one after the other. On a Galera cluster two nodes changing the same row at once make one commit fail; it runs
 * again ({@link CommitConflicts}) and sees the other's count.
 */
public final class DatabaseThrottleStore implements ThrottleStore {

    private static final int CLEAN_ONE_IN = 200;

    private final DataSource dataSource;
    private final Clock clock;
    private final SecretKeySpec secret;

    public DatabaseThrottleStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.secret = new SecretKeySpec(loadSecret(dataSource), "HmacSHA256");
    }

    /** The table's secret: made by the first node that needs it, read by the others. */
    private static byte[] loadSecret(DataSource dataSource) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement("INSERT IGNORE INTO throttle_secret (id, secret) VALUES (1, ?)")) {
                insert.setBytes(1, fresh);
                insert.executeUpdate();
            }
            try (PreparedStatement select = c.prepareStatement("SELECT secret FROM throttle_secret WHERE id = 1");
                 ResultSet rs = select.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("throttle_secret has no row");
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("throttle secret: " + e.getMessage(), e);
        }
    }

    @Override
    public <T> T update(List<String> keys, Duration keepFor, Function<Values, T> change) {
        byte[][] hashes = keys.stream().map(this::hash).toArray(byte[][]::new);
        int[] lockOrder = IntStream.range(0, hashes.length).boxed()
                .sorted(Comparator.comparing(i -> hashes[i], Arrays::compareUnsigned))
                .mapToInt(Integer::intValue).toArray();
        T result = CommitConflicts.retry(() -> {
            try {
                return inTransaction(hashes, lockOrder, keepFor, change);
            } catch (SQLException e) {
                throw new IllegalStateException("throttle update: " + e.getMessage(), e);
            }
        });
        if (ThreadLocalRandom.current().nextInt(CLEAN_ONE_IN) == 0) {
            forgetExpired();
        }
        return result;
    }

    private <T> T inTransaction(byte[][] hashes, int[] lockOrder, Duration keepFor, Function<Values, T> change)
            throws SQLException {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            // The rows exist before they are locked, so that the lock is on a row, not on a gap of the index.
            c.setAutoCommit(true);
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT IGNORE INTO throttle_counts (key_hash, state, expires_at) VALUES (?, '', ?)")) {
                for (int i : lockOrder) {
                    insert.setBytes(1, hashes[i]);
                    insert.setTimestamp(2, Timestamp.from(now));
                    insert.executeUpdate();
                }
            }
            c.setAutoCommit(false);
            try {
                String[] values = new String[hashes.length];
                try (PreparedStatement lock = c.prepareStatement(
                        "SELECT state, expires_at FROM throttle_counts WHERE key_hash = ? FOR UPDATE")) {
                    for (int i : lockOrder) {
                        lock.setBytes(1, hashes[i]);
                        try (ResultSet rs = lock.executeQuery()) {
                            if (rs.next() && !rs.getString(1).isEmpty() && rs.getTimestamp(2).toInstant().isAfter(now)) {
                                values[i] = rs.getString(1);
                            }
                        }
                    }
                }
                String[] before = values.clone();
                T result = change.apply(Values.over(values));
                try (PreparedStatement write = c.prepareStatement(
                        "UPDATE throttle_counts SET state = ?, expires_at = ? WHERE key_hash = ?")) {
                    for (int i : lockOrder) {
                        boolean gone = values[i] == null;
                        if (Objects.equals(values[i], before[i])) {
                            continue;
                        }
                        write.setString(1, gone ? "" : values[i]);
                        write.setTimestamp(2, Timestamp.from(gone ? now : now.plus(keepFor)));
                        write.setBytes(3, hashes[i]);
                        write.executeUpdate();
                    }
                }
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Deletes a batch of expired rows (another node may do it too: harmless). */
    void forgetExpired() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement(
                     "DELETE FROM throttle_counts WHERE expires_at < ? ORDER BY expires_at LIMIT 1000")) {
            c.setAutoCommit(true);
            delete.setTimestamp(1, Timestamp.from(clock.instant()));
            delete.executeUpdate();
        } catch (SQLException e) {
            // The next round cleans up.
        }
    }

    private byte[] hash(String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return mac.doFinal(key.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
