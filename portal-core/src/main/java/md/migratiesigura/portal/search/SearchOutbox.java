package md.migratiesigura.portal.search;

import jakarta.transaction.Synchronization;
import java.time.Instant;
import org.hibernate.Session;

/**
 * Records that a searchable item changed, inside the caller's transaction, and moves the {@link ContentVersion} once
 * that transaction has ended (committed or not: a needless move only costs a cache miss).
 */
public final class SearchOutbox {

    private SearchOutbox() {
    }

    public static void changed(Session session, String type, String key, Instant now) {
        session.createNativeMutationQuery("insert into search_outbox (doc_type, doc_key, created_at) values (:type, :key, :now)")
                .setParameter("type", type)
                .setParameter("key", key)
                .setParameter("now", now)
                .executeUpdate();
        session.getTransaction().registerSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                ContentVersion.changed();
            }
        });
    }
}
