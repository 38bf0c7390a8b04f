package md.migratiesigura.portal.persistence;

import java.sql.SQLException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a transaction again when the database refused it for a conflict with another transaction: a deadlock, or on
 * a Galera cluster a certification failure (another node committed a change to the same rows first). Both reach
 * the application as error 1213, SQLState 40001, at any statement or at commit, with the transaction rolled back.
 *
 * <p>Only for a transaction that can run again from the start: it reads what it needs inside itself (so a retry sees
 * the other transaction's change, and an optimistic version check turns it into a conflict the user resolves), and
 * does nothing outside the database before it commits.
 */
public final class CommitConflicts {

    private static final Logger log = LoggerFactory.getLogger(CommitConflicts.class);
    /** Tries in all, and the pause before the second one (doubled before each further one). */
    static final int ATTEMPTS = 4;
    static final long FIRST_PAUSE_MILLIS = 20;

    private CommitConflicts() {
    }

    /** Runs {@code transaction}, again up to {@link #ATTEMPTS} times in all while it fails with a conflict. */
    public static <T> T retry(Supplier<T> transaction) {
        long pause = FIRST_PAUSE_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.get();
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !isConflict(e)) {
                    throw e;
                }
                log.info("Transaction refused for a conflict (try {} of {}), trying again", attempt, ATTEMPTS);
                try {
                    // A random part, so that two nodes that collided do not collide again in step.
                    Thread.sleep(pause + (long) (Math.random() * pause));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause *= 2;
            }
        }
    }

    /** As {@link #retry(Supplier)}, for a transaction without a result. */
    public static void retry(Runnable transaction) {
        retry(() -> {
            transaction.run();
            return null;
        });
    }

    /** Whether the failure, or any of its causes, is a deadlock or a Galera certification failure. */
    public static boolean isConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if ("40001".equals(s.getSQLState()) || s.getErrorCode() == 1213) {
                        return true;
                    }
                }
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
