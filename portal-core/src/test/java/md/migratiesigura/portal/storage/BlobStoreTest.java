package md.migratiesigura.portal.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Random;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.persistence.Database;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files kept in the real database: the same bytes back, in chunks, nothing left by a refused or failed write. */
class BlobStoreTest {

    @TempDir
    static Path dataDir;
    private static Database database;
    private static BlobStore store;

    @BeforeAll
    static void open() {
        database = Database.open(TestDatabases.newConfig(dataDir));
        store = new BlobStore(database.dataSource(), new MutableClock(Instant.parse("2026-05-04T10:00:00Z")));
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aTwentyMegabyteFileComesBackByteForByteWithItsSizeTypeAndHash() throws Exception {
        byte[] content = random(20 * 1024 * 1024, 1);

        StoredFile file = store.store(new ByteArrayInputStream(content), "application/pdf", 20 * 1024 * 1024);

        assertEquals(content.length, file.size());
        assertEquals("application/pdf", file.mediaType());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content)), file.sha256());
        assertEquals(file, store.find(file.id()).orElseThrow());
        assertEquals(40, chunkRows(file.id()), "20 MiB in 512 KiB rows");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.copyTo(file.id(), out);
        assertArrayEquals(content, out.toByteArray());
    }

    @Test
    void readingBackHoldsOneChunkAtATimeNotTheWholeFile() throws Exception {
        byte[] content = random(3 * BlobStore.CHUNK_BYTES + 17, 2);
        StoredFile file = store.store(new ByteArrayInputStream(content), "image/png", 10_000_000);
        int[] largestWrite = {0};
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        OutputStream watching = new OutputStream() {
            @Override
            public void write(int b) {
                copy.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                largestWrite[0] = Math.max(largestWrite[0], len);
                copy.write(b, off, len);
            }
        };

        store.copyTo(file.id(), watching);

        assertArrayEquals(content, copy.toByteArray());
        assertTrue(largestWrite[0] <= BlobStore.CHUNK_BYTES, "at most one chunk at a time: " + largestWrite[0]);
    }

    @Test
    void aFileOverTheCallersLimitIsRefusedAndNothingOfItStays() throws Exception {
        long before = count("stored_files") + count("stored_file_chunks");

        assertThrows(FileTooLargeException.class,
                () -> store.store(new ByteArrayInputStream(random(2 * BlobStore.CHUNK_BYTES + 1, 3)), "application/pdf",
                        2L * BlobStore.CHUNK_BYTES));

        assertEquals(before, count("stored_files") + count("stored_file_chunks"));
    }

    @Test
    void aReadErrorHalfWayLeavesNothingStored() throws Exception {
        long before = count("stored_files") + count("stored_file_chunks");
        InputStream failing = new InputStream() {
            private int given;

            @Override
            public int read() throws IOException {
                if (given++ > BlobStore.CHUNK_BYTES + 10) {
                    throw new IOException("the upload was cut");
                }
                return 7;
            }
        };

        assertThrows(IOException.class, () -> store.store(failing, "application/pdf", 20_000_000));

        assertEquals(before, count("stored_files") + count("stored_file_chunks"));
    }

    @Test
    void anEmptyFileAndAFileOfExactlyOneChunkAreKept() throws Exception {
        StoredFile empty = store.store(new ByteArrayInputStream(new byte[0]), "image/jpeg", 100);
        byte[] one = random(BlobStore.CHUNK_BYTES, 4);
        StoredFile exact = store.store(new ByteArrayInputStream(one), "image/jpeg", BlobStore.CHUNK_BYTES);

        assertEquals(0, store.readAll(empty.id(), 100).length);
        assertArrayEquals(one, store.readAll(exact.id(), BlobStore.CHUNK_BYTES));
        assertEquals(1, chunkRows(exact.id()));
    }

    @Test
    void aDeletedFileIsGoneAndAnUnknownIdIsEmpty() throws Exception {
        StoredFile file = store.store(new ByteArrayInputStream(random(1000, 5)), "image/png", 10_000);
        try (Connection c = database.dataSource().getConnection()) {
            store.delete(c, file.id());
        }

        assertTrue(store.find(file.id()).isEmpty());
        assertTrue(store.openIfPresent(file.id()).isEmpty());
        assertEquals(0, chunkRows(file.id()));
        assertThrows(IOException.class, () -> store.copyTo(file.id(), OutputStream.nullOutputStream()));
    }

    @Test
    void aFileWrittenInTheCallersTransactionDisappearsWithItsRollback() throws Exception {
        long id;
        try (Connection c = database.dataSource().getConnection()) {
            c.setAutoCommit(false);
            id = store.store(c, new ByteArrayInputStream(random(5000, 6)), "image/png", 10_000).id();
            c.rollback();
        }

        assertTrue(store.find(id).isEmpty());
    }

    @Test
    void aMediaTypeThatIsNotOneIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> store.store(new ByteArrayInputStream(new byte[1]), "text/html\r\nX-Evil: 1", 10));
    }

    private static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    private static long chunkRows(long id) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM stored_file_chunks WHERE file_id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long count(String table) throws Exception {
        try (Connection c = database.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
