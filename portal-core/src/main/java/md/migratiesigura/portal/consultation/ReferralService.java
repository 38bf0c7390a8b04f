package md.migratiesigura.portal.consultation;

import java.time.Clock;
import java.util.List;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.consultation.ConsultationException.Reason;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The services a counsellor can refer a person to (a shelter, legal aid): the administrators' list, kept in both
 * languages. A retired service is offered no more, while the consultations referred to it keep it. Every change is
 * audited in its transaction.
 */
public class ReferralService {

    public static final int MAX_REFERRAL_NAME = 200;

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Clock clock;

    public ReferralService(SessionFactory sessionFactory, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.clock = clock;
    }

    /** The referral services, by Romanian name; retired ones only when asked for. */
    public List<ReferralView> referrals(boolean includeRetired) {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from Referral r" + (includeRetired ? "" : " where r.retired = false") + " order by r.nameRo",
                        Referral.class)
                .getResultList().stream().map(Referral::view).toList());
    }

    /** Adds a referral service, named in both languages. */
    public ReferralView addReferral(SignedInUser user, String nameRo, String nameRu) {
        String ro = ConsultationTexts.referralName(nameRo);
        String ru = ConsultationTexts.referralName(nameRu);
        return sessionFactory.fromTransaction(session -> {
            Referral referral = new Referral(ro, ru, clock.instant());
            session.persist(referral);
            auditReferral(session, user, AuditAction.REFERRAL_ADDED, referral);
            return referral.view();
        });
    }

    /** Renames a referral service; past referrals show the new name. */
    public void renameReferral(SignedInUser user, long id, String nameRo, String nameRu) {
        String ro = ConsultationTexts.referralName(nameRo);
        String ru = ConsultationTexts.referralName(nameRu);
        sessionFactory.inTransaction(session -> {
            Referral referral = referral(session, id);
            referral.rename(ro, ru);
            auditReferral(session, user, AuditAction.REFERRAL_RENAMED, referral);
        });
    }

    /** Retires a referral service (no longer offered; past referrals keep it) or brings it back. */
    public void setReferralRetired(SignedInUser user, long id, boolean retired) {
        sessionFactory.inTransaction(session -> {
            Referral referral = referral(session, id);
            referral.setRetired(retired);
            auditReferral(session, user, retired ? AuditAction.REFERRAL_RETIRED : AuditAction.REFERRAL_RESTORED, referral);
        });
    }

    private static Referral referral(Session session, long id) {
        Referral referral = session.find(Referral.class, id);
        if (referral == null) {
            throw new ConsultationException(Reason.NOT_FOUND);
        }
        return referral;
    }

    private void auditReferral(Session session, SignedInUser user, AuditAction action, Referral referral) {
        audit.record(session, session.getReference(PortalUser.class, user.id()), user.email(), action,
                referral.getNameRo(), referral.getNameRu());
    }
}
