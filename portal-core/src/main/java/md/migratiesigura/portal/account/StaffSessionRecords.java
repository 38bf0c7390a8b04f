package md.migratiesigura.portal.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;
import md.migratiesigura.portal.persistence.CommitConflicts;

/**
 * Back-office sessions in the database ({@code staff_sessions}), so that every portal node can take over a signed-in
 * member of staff when the node they were on is lost. A row is named by an HMAC-SHA256 of the session id (the
 * cookie's value is not in the database: a dump gives no session to replay) and holds what the web module hands over
 * (who signed in and how far: ids and flags, never a page), sealed with AES-GCM bound to that name. Both secrets are
 * derived from the consultation key, which every node shares and the database never holds. Times are epoch
 * milliseconds; an expiry of 0 or less never expires.
 */
public final class StaffSessionRecords {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    /** The largest sealed record kept: a session's ids and flags are far smaller. */
    public static final int MAX_SEALED_BYTES = 4096;

    private final DataSource dataSource;
    private final SecretKeySpec naming;
    private final SecretKeySpec sealing;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param naming  the HMAC key of the stored session ids
     * @param sealing the AES key of the stored records (its first 32 bytes)
     */
    public StaffSessionRecords(DataSource dataSource, byte[] naming, byte[] sealing) {
        this.dataSource = dataSource;
        this.naming = new SecretKeySpec(naming.clone(), "HmacSHA256");
        this.sealing = new SecretKeySpec(sealing, 0, 32, "AES");
    }

    /** Writes the session's record, replacing the one it had. */
    public void save(String sessionId, long expiresAt, byte[] record) {
        byte[] name = name(sessionId);
        byte[] sealed = seal(name, record);
        if (sealed.length > MAX_SEALED_BYTES) {
            throw new IllegalArgumentException("a session record of " + record.length + " bytes is too large");
        }
        CommitConflicts.retry(() -> update("INSERT INTO staff_sessions (id_hash, expires_at, sealed) VALUES (?, ?, ?)"
                + " ON DUPLICATE KEY UPDATE expires_at = VALUES(expires_at), sealed = VALUES(sealed)", s -> {
            s.setBytes(1, name);
            s.setLong(2, expiresAt);
            s.setBytes(3, sealed);
        }));
    }

    /** The session's record, unless there is none, it expired before {@code now}, or it does not open. */
    public Optional<byte[]> load(String sessionId, long now) {
        byte[] name = name(sessionId);
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT expires_at, sealed FROM staff_sessions WHERE id_hash = ?")) {
            s.setBytes(1, name);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next() || expired(rs.getLong(1), now)) {
                    return Optional.empty();
                }
                return open(name, rs.getBytes(2));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staff session load: " + e.getMessage(), e);
        }
    }

    /** Whether the session has a record that had not expired at {@code now}. */
    public boolean exists(String sessionId, long now) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT expires_at FROM staff_sessions WHERE id_hash = ?")) {
            s.setBytes(1, name(sessionId));
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && !expired(rs.getLong(1), now);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("staff session lookup: " + e.getMessage(), e);
        }
    }

    /** Forgets the session (signed out, invalidated, or its id renewed). */
    public void delete(String sessionId) {
        byte[] name = name(sessionId);
        CommitConflicts.retry(() -> update("DELETE FROM staff_sessions WHERE id_hash = ?", s -> s.setBytes(1, name)));
    }

    /** Deletes the records that expired before {@code before}, whichever node's they were; returns how many. */
    public int deleteExpired(long before) {
        return CommitConflicts.retry(() -> update(
                "DELETE FROM staff_sessions WHERE expires_at > 0 AND expires_at < ? ORDER BY expires_at LIMIT 1000",
                s -> s.setLong(1, before)));
    }

    private static boolean expired(long expiresAt, long now) {
        return expiresAt > 0 && expiresAt <= now;
    }

    private interface Parameters {
        void set(PreparedStatement statement) throws SQLException;
    }

    private int update(String sql, Parameters parameters) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            c.setAutoCommit(true);
            parameters.set(s);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("staff session write: " + e.getMessage(), e);
        }
    }

    private byte[] name(String sessionId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(naming);
            return mac.doFinal(sessionId.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private byte[] seal(byte[] name, byte[] record) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(name);
            byte[] sealed = cipher.doFinal(record);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty when the record does not open: sealed under another key (rotated since) or not by this portal. */
    private Optional<byte[]> open(byte[] name, byte[] sealed) {
        if (sealed.length <= NONCE_BYTES) {
            return Optional.empty();
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealing, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            cipher.updateAAD(name);
            return Optional.of(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }
}
