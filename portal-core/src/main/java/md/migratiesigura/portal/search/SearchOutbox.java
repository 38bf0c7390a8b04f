package md.migratiesigura.portal.search;

import java.time.Instant;
import org.hibernate.Session;

/** Records that a searchable item changed, inside the caller's transaction. */
public final class SearchOutbox {

    private SearchOutbox() {
    }

    public static void changed(Session session, String type, String key, Instant now) {
        session.createNativeMutationQuery("insert into search_outbox (doc_type, doc_key, created_at) values (:type, :key, :now)")
                .setParameter("type", type)
                .setParameter("key", key)
                .setParameter("now", now)
                .executeUpdate();
    }
}
