package md.migratiesigura.portal.audit;

import java.time.Clock;
import java.util.List;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.common.SignedInUser;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The back office's audit log: logins, logouts, account changes and refused pages. It holds e-mails of accounts
 * and addresses inside the back office, never a client's IP address.
 */
public class AuditService {

    static final int MAX_TARGET = 300;
    static final int MAX_DETAIL = 500;

    private final SessionFactory sessionFactory;
    private final Clock clock;

    public AuditService(SessionFactory sessionFactory, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.clock = clock;
    }

    /**
     * Records one entry in a transaction of its own.
     *
     * @param actor who did it, or null when nobody is signed in
     */
    public void record(SignedInUser actor, AuditAction action, String target, String detail) {
        sessionFactory.inTransaction(session -> record(session,
                actor == null ? null : session.getReference(PortalUser.class, actor.id()),
                actor == null ? null : actor.email(), action, target, detail));
    }

    /**
     * Records one entry in the caller's transaction, so that it is saved together with the change it describes.
     *
     * @param actor who did it, or null when nobody is signed in
     */
    public void record(Session session, SignedInUser actor, AuditAction action, String target, String detail) {
        record(session, actor == null ? null : session.getReference(PortalUser.class, actor.id()),
                actor == null ? null : actor.email(), action, target, detail);
    }

    /** Records one entry in the caller's transaction, so that it is saved together with the change it describes. */
    public void record(Session session, PortalUser actor, String actorEmail, AuditAction action, String target, String detail) {
        session.persist(new AuditEntry(clock.instant(), actor, actorEmail, action, cut(target, MAX_TARGET),
                cut(detail, MAX_DETAIL)));
    }

    public long count() {
        return sessionFactory.fromTransaction(session ->
                session.createSelectionQuery("select count(e) from AuditEntry e", Long.class).getSingleResult());
    }

    /** Entries newest first, skipping {@code offset} of them. */
    public List<AuditRecord> newest(long offset, int limit) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from AuditEntry e order by e.occurredAt desc, e.id desc", AuditEntry.class)
                .setFirstResult(Math.toIntExact(offset))
                .setMaxResults(limit)
                .setReadOnly(true)
                .getResultList()
                .stream()
                .map(e -> new AuditRecord(e.getId(), e.getOccurredAt(), e.getActorEmail(), e.getAction(),
                        e.getTarget(), e.getDetail()))
                .toList());
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
