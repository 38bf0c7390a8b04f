package md.migratiesigura.portal.chat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import javax.sql.DataSource;
import md.migratiesigura.portal.persistence.CommitConflicts;

/** One JDBC transaction per call: the chat's few tables are read and written with plain SQL. */
final class ChatDb {

    /** Work inside a transaction. */
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private final DataSource dataSource;

    ChatDb(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Runs the work in one transaction, again (up to {@link CommitConflicts}' tries) when a deadlock or a Galera
     * certification failure refused it: every chat transaction reads what it needs inside itself.
     */
    <T> T tx(Work<T> work) {
        return CommitConflicts.retry(() -> once(work));
    }

    /**
     * Runs reads, and writes of one statement each, on one connection without a transaction: each statement sees,
     * and commits, on its own. For the polls (readers' long-polls, the consoles' feed, the poller's tick), which run
     * dozens of times a second, need no snapshot (the next poll sees what this one missed) and in a transaction would
     * cost three more round trips each: autocommit off, the commit, and autocommit on again as the pool takes the
     * connection back.
     */
    <T> T statements(Work<T> work) {
        return CommitConflicts.retry(() -> {
            try (Connection connection = dataSource.getConnection()) {
                return work.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException("chat database error: " + e.getMessage(), e);
            }
        });
    }

    private <T> T once(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("chat database error: " + e.getMessage(), e);
        }
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
