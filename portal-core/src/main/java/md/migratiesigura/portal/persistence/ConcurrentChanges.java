package md.migratiesigura.portal.persistence;

import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Recognises a write that lost to another transaction: the row's {@code @Version} changed between reading and
 * writing it. Services turn that into a conflict the user can resolve instead of an error.
 */
public final class ConcurrentChanges {

    private ConcurrentChanges() {
    }

    /** Whether the failure, or any of its causes, says that someone else changed the same row first. */
    public static boolean isStale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
