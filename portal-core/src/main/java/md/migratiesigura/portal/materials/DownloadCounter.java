package md.migratiesigura.portal.materials;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.persistence.CommitConflicts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads counted per month (UTC) and file, off the request's path: a download adds one in memory, and the sums
 * are added to the database every few seconds and at close by one statement per file, which any node may run at
 * the same time as another ({@code ON DUPLICATE KEY UPDATE} adds, it does not overwrite). Nothing about the reader
 * is kept: no address, no time finer than the month.
 */
public final class DownloadCounter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(DownloadCounter.class);
    public static final Duration FLUSH_INTERVAL = Duration.ofSeconds(2);

    private record Key(YearMonth month, long materialId, Language language) {
    }

    private final DataSource dataSource;
    private final Clock clock;
    private final Map<Key, LongAdder> pending = new ConcurrentHashMap<>();
    private ScheduledExecutorService flusher;

    public DownloadCounter(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Flushes every {@code interval} on a background thread. */
    public DownloadCounter start(Duration interval) {
        flusher = BackgroundThreads.scheduled("material-downloads");
        flusher.scheduleWithFixedDelay(this::flushQuietly, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One download of a material's file in a language, counted in the current month. */
    public void count(long materialId, Language language) {
        YearMonth month = YearMonth.from(clock.instant().atZone(ZoneOffset.UTC));
        pending.computeIfAbsent(new Key(month, materialId, language), k -> new LongAdder()).increment();
    }

    /** Adds what was counted in memory to the database; what fails to be written stays to be added next time. */
    public synchronized void flush() {
        for (Key key : pending.keySet()) {
            LongAdder adder = pending.get(key);
            long n = adder == null ? 0 : adder.sumThenReset();
            if (n == 0) {
                continue;
            }
            try {
                CommitConflicts.retry(() -> add(key, n));
            } catch (RuntimeException e) {
                adder.add(n);
                throw e;
            }
        }
    }

    private void flushQuietly() {
        try {
            flush();
        } catch (RuntimeException e) {
            log.warn("Material downloads not written yet, kept for the next try: {}", e.getMessage());
        }
    }

    private void add(Key key, long n) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("INSERT INTO material_downloads (year, month, material_id, lang,"
                     + " downloads) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE downloads = downloads + VALUES(downloads)")) {
            s.setInt(1, key.month().getYear());
            s.setInt(2, key.month().getMonthValue());
            s.setLong(3, key.materialId());
            s.setString(4, key.language().code());
            s.setLong(5, n);
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot add material downloads: " + e.getMessage(), e);
        }
    }

    /** Downloads of every material in each month of a year (index 0 is January), as written so far. */
    public long[] byMonth(int year) {
        long[] months = new long[12];
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT month, SUM(downloads) FROM material_downloads WHERE year = ? GROUP BY month")) {
            s.setInt(1, year);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    months[rs.getInt(1) - 1] = rs.getLong(2);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read material downloads: " + e.getMessage(), e);
        }
        return months;
    }

    /** Downloads of one material's file in a language in one month, as written so far. */
    public long of(long materialId, Language language, YearMonth month) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT downloads FROM material_downloads"
                     + " WHERE year = ? AND month = ? AND material_id = ? AND lang = ?")) {
            s.setInt(1, month.getYear());
            s.setInt(2, month.getMonthValue());
            s.setLong(3, materialId);
            s.setString(4, language.code());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read material downloads: " + e.getMessage(), e);
        }
    }

    /** Stops the background flush and writes what is left. */
    @Override
    public void close() {
        if (flusher != null) {
            BackgroundThreads.shutdownAndWait(flusher, Duration.ofSeconds(5));
        }
        flushQuietly();
    }
}
