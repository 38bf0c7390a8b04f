package md.migratiesigura.portal.chat;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each reader last asked through this node, kept in memory and written for all of them together by the
 * sweeper's pass every few seconds ({@link ChatSweeper}), which reads them next. A waiting reader's page asks every 15
 * to 25 seconds: with hundreds waiting, writing "last seen" with each poll was a committed write for nearly every
 * one. A node that stops loses a few seconds of them; the reader's next poll, through another node, notes it again.
 */
final class ReadersSeen {

    /** Chats written in one statement at most. */
    private static final int BATCH = 500;

    private final Map<Long, Instant> seen = new ConcurrentHashMap<>();

    /** The reader of this chat asked now. */
    void note(long chatId, Instant now) {
        seen.merge(chatId, now, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Writes what was noted since the last time (into chats not ended); kept for the next time when it fails. */
    void write(ChatDb db) {
        if (seen.isEmpty()) {
            return;
        }
        List<Map.Entry<Long, Instant>> taken = new ArrayList<>();
        for (Long id : List.copyOf(seen.keySet())) {
            Instant at = seen.remove(id);
            if (at != null) {
                taken.add(Map.entry(id, at));
            }
        }
        try {
            for (int from = 0; from < taken.size(); from += BATCH) {
                List<Map.Entry<Long, Instant>> batch = taken.subList(from, Math.min(taken.size(), from + BATCH));
                String cases = String.join(" ", Collections.nCopies(batch.size(), "WHEN ? THEN ?"));
                String in = String.join(",", Collections.nCopies(batch.size(), "?"));
                db.statements(c -> {
                    try (PreparedStatement s = c.prepareStatement("UPDATE chats SET reader_seen_at = CASE id " + cases
                            + " END WHERE state <> 'ended' AND id IN (" + in + ")")) {
                        int i = 1;
                        for (Map.Entry<Long, Instant> e : batch) {
                            s.setLong(i++, e.getKey());
                            s.setTimestamp(i++, ChatDb.ts(e.getValue()));
                        }
                        for (Map.Entry<Long, Instant> e : batch) {
                            s.setLong(i++, e.getKey());
                        }
                        return s.executeUpdate();
                    }
                });
            }
        } catch (RuntimeException e) {
            taken.forEach(entry -> note(entry.getKey(), entry.getValue()));
            throw e;
        }
    }
}
