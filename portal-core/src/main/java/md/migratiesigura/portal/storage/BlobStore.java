package md.migratiesigura.portal.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Files in the database: a header row in {@code stored_files} and the content in numbered rows of at most
 * {@link #CHUNK_BYTES} in {@code stored_file_chunks}, so that no statement comes near {@code max_allowed_packet} and
 * no Galera write set grows past its limits by much more than the file itself.
 *
 * <p>A file is written in one transaction (the caller's, or one of its own), so a failed or refused upload leaves
 * nothing behind. It is read back one chunk at a time, each chunk with a connection held only while the chunk is
 * fetched: a 20 MB file sent to a slow phone takes neither 20 MB of memory nor a pooled connection for minutes.
 */
public final class BlobStore {

    /** 512 KiB: the largest row written or read at once. */
    public static final int CHUNK_BYTES = 512 * 1024;
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z0-9][a-z0-9.+-]{0,48}/[a-z0-9][a-z0-9.+-]{0,48}");

    private final DataSource dataSource;
    private final Clock clock;

    public BlobStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Stores the content in a transaction of its own.
     *
     * @throws FileTooLargeException when the content has more than {@code maxBytes} (nothing is stored)
     */
    public StoredFile store(InputStream content, String mediaType, long maxBytes) throws IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                StoredFile file = store(c, content, mediaType, maxBytes);
                c.commit();
                return file;
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot store a file: " + e.getMessage(), e);
        }
    }

    /**
     * Stores the content within the caller's transaction on {@code connection} (not committed here): a feature
     * writes its own row that refers to the file in the same transaction. The caller rolls back on any exception.
     *
     * @throws FileTooLargeException when the content has more than {@code maxBytes}
     */
    public StoredFile store(Connection connection, InputStream content, String mediaType, long maxBytes)
            throws IOException, SQLException {
        if (mediaType == null || !MEDIA_TYPE.matcher(mediaType).matches()) {
            throw new IllegalArgumentException("not a media type: " + mediaType);
        }
        Timestamp now = Timestamp.from(clock.instant());
        long id;
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO stored_files (sha256, size_bytes, media_type,"
                + " chunk_count, created_at) VALUES ('', 0, ?, 0, ?)", Statement.RETURN_GENERATED_KEYS)) {
            s.setString(1, mediaType);
            s.setTimestamp(2, now);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        MessageDigest sha = sha256();
        long size = 0;
        int chunks = 0;
        try (PreparedStatement s = connection.prepareStatement(
                "INSERT INTO stored_file_chunks (file_id, seq, data) VALUES (?, ?, ?)")) {
            while (true) {
                byte[] chunk = content.readNBytes(CHUNK_BYTES);
                if (chunk.length == 0) {
                    break;
                }
                size += chunk.length;
                if (size > maxBytes) {
                    throw new FileTooLargeException(maxBytes);
                }
                sha.update(chunk);
                s.setLong(1, id);
                s.setInt(2, chunks++);
                s.setBytes(3, chunk);
                s.executeUpdate();
            }
        }
        String hex = HexFormat.of().formatHex(sha.digest());
        try (PreparedStatement s = connection.prepareStatement(
                "UPDATE stored_files SET sha256 = ?, size_bytes = ?, chunk_count = ? WHERE id = ?")) {
            s.setString(1, hex);
            s.setLong(2, size);
            s.setInt(3, chunks);
            s.setLong(4, id);
            s.executeUpdate();
        }
        return new StoredFile(id, hex, size, mediaType, now.toInstant());
    }

    /** A stored file's header. */
    public Optional<StoredFile> find(long id) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, id);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a stored file: " + e.getMessage(), e);
        }
    }

    /** A stored file's header, read on the caller's connection. */
    public Optional<StoredFile> find(Connection connection, long id) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT sha256, size_bytes, media_type, created_at"
                + " FROM stored_files WHERE id = ? AND sha256 <> ''")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredFile(id, rs.getString(1), rs.getLong(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()));
            }
        }
    }

    /**
     * Writes a stored file's content to {@code out}, one chunk at a time, each fetched on a pooled connection that is
     * given back before the chunk is written out.
     *
     * @throws IOException from {@code out}, or when the file is gone or damaged (a chunk is missing)
     */
    public void copyTo(long id, OutputStream out) throws IOException {
        try (InputStream in = open(id)) {
            in.transferTo(out);
        }
    }

    /** A stream of a stored file's content that fetches one chunk at a time; empty when there is no such file. */
    public Optional<InputStream> openIfPresent(long id) {
        return find(id).map(file -> new ChunkStream(file));
    }

    /** As {@link #openIfPresent}, for a file known to exist. */
    public InputStream open(long id) throws IOException {
        return openIfPresent(id).orElseThrow(() -> new IOException("no stored file " + id));
    }

    /** Reads a whole stored file into memory: only for files known to be small (thumbnails, checks). */
    public byte[] readAll(long id, int maxBytes) throws IOException {
        StoredFile file = find(id).orElseThrow(() -> new IOException("no stored file " + id));
        if (file.size() > maxBytes) {
            throw new FileTooLargeException(maxBytes);
        }
        try (InputStream in = new ChunkStream(file)) {
            return in.readAllBytes();
        }
    }

    /** Deletes a stored file within the caller's transaction; one already gone is no change. */
    public void delete(Connection connection, long id) throws SQLException {
        try (PreparedStatement chunks = connection.prepareStatement("DELETE FROM stored_file_chunks WHERE file_id = ?");
             PreparedStatement header = connection.prepareStatement("DELETE FROM stored_files WHERE id = ?")) {
            chunks.setLong(1, id);
            chunks.executeUpdate();
            header.setLong(1, id);
            header.executeUpdate();
        }
    }

    private byte[] chunk(long id, int seq) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT data FROM stored_file_chunks WHERE file_id = ? AND seq = ?")) {
            s.setLong(1, id);
            s.setInt(2, seq);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IOException("stored file " + id + " has lost its chunk " + seq);
                }
                return rs.getBytes(1);
            }
        } catch (SQLException e) {
            throw new IOException("cannot read stored file " + id + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fetches the next chunk when the previous one is used up; checks the total size at the end. */
    private final class ChunkStream extends InputStream {

        private final StoredFile file;
        private byte[] current = new byte[0];
        private int position;
        private int nextSeq;
        private long delivered;

        ChunkStream(StoredFile file) {
            this.file = file;
        }

        private boolean fill() throws IOException {
            while (position >= current.length) {
                if (delivered >= file.size()) {
                    return false;
                }
                current = chunk(file.id(), nextSeq++);
                position = 0;
                if (current.length == 0 || delivered + current.length > file.size()) {
                    throw new IOException("stored file " + file.id() + " is damaged at chunk " + (nextSeq - 1));
                }
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            delivered++;
            return current[position++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            delivered += n;
            return n;
        }

        @Override
        public long transferTo(OutputStream out) throws IOException {
            long total = 0;
            while (fill()) {
                int n = current.length - position;
                out.write(current, position, n);
                position += n;
                delivered += n;
                total += n;
            }
            return total;
        }
    }
}
