package md.migratiesigura.portal.chat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;

/** The monthly numbers that outlive the chats: what happened to them, per language, and how long readers waited. */
public final class ChatCounts {

    public static final String OFFERED = "offered";
    public static final String ANSWERED = "answered";
    public static final String ABANDONED = "abandoned";
    public static final String SOS = "sos";
    public static final String TURNED_AWAY_HOURS = "closed-hours";
    public static final String TURNED_AWAY_NO_COUNSELLOR = "closed-nobody";
    public static final String TURNED_AWAY_FULL = "closed-full";
    /**
     * The minutes answered chats lasted, each rounded to the nearest minute and added up when the chat ends (their
     * average length is this over {@link #ANSWERED}).
     */
    public static final String MINUTES = "minutes";
    static final int MAX_WAIT_MINUTES = 240;

    /**
     * One month's numbers.
     *
     * @param counts        by language, then metric
     * @param medianWait    minutes, null without answered chats
     * @param p90Wait       minutes, null without answered chats
     */
    public record Month(YearMonth month, Map<String, Map<String, Integer>> counts, Integer medianWait, Integer p90Wait) {
    }

    private ChatCounts() {
    }

    static LocalDate monthOf(Instant instant) {
        return LocalDate.ofInstant(instant, PortalTime.ZONE).withDayOfMonth(1);
    }

    static void add(Connection c, Instant at, Language language, String metric, int n) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_counts (month_start, lang, metric, n)"
                + " VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE n = n + VALUES(n)")) {
            s.setObject(1, monthOf(at));
            s.setString(2, language.code());
            s.setString(3, metric);
            s.setInt(4, n);
            s.executeUpdate();
        }
    }

    static void addWait(Connection c, Instant at, Language language, long waitSeconds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO chat_waits (month_start, lang, wait_minutes, n)"
                + " VALUES (?, ?, ?, 1) ON DUPLICATE KEY UPDATE n = n + 1")) {
            s.setObject(1, monthOf(at));
            s.setString(2, language.code());
            s.setInt(3, (int) Math.min(MAX_WAIT_MINUTES, waitSeconds / 60));
            s.executeUpdate();
        }
    }

    static Month read(Connection c, YearMonth month) throws SQLException {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT lang, metric, n FROM chat_counts WHERE month_start = ?")) {
            s.setObject(1, month.atDay(1));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    counts.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getInt(3));
                }
            }
        }
        List<int[]> waits = new ArrayList<>();
        int total = 0;
        try (PreparedStatement s = c.prepareStatement("SELECT wait_minutes, SUM(n) FROM chat_waits"
                + " WHERE month_start = ? GROUP BY wait_minutes ORDER BY wait_minutes")) {
            s.setObject(1, month.atDay(1));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    waits.add(new int[] {rs.getInt(1), rs.getInt(2)});
                    total += rs.getInt(2);
                }
            }
        }
        return new Month(month, counts, percentile(waits, total, 0.5), percentile(waits, total, 0.9));
    }

    private static Integer percentile(List<int[]> histogram, int total, double p) {
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int[] bucket : histogram) {
            seen += bucket[1];
            if (seen >= rank) {
                return bucket[0];
            }
        }
        return histogram.get(histogram.size() - 1)[0];
    }
}
