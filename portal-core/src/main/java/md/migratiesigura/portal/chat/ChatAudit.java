package md.migratiesigura.portal.chat;

import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The audit entries of the live chat's counsellor and administrator actions (blocks, canned answers). */
final class ChatAudit {

    private static final Logger log = LoggerFactory.getLogger(ChatAudit.class);

    private ChatAudit() {
    }

    /**
     * Records an audit entry in a transaction of its own, once the chat's plain-JDBC transaction has committed (the
     * audit log is Hibernate). The target names a chat by number or a language, never a text or an address; if the
     * entry cannot be written, the change stands and the log says which action, never any text.
     */
    static void record(AuditService audit, SignedInUser user, AuditAction action, String target) {
        if (audit == null) {
            throw new IllegalStateException("no audit log to record " + action + " in");
        }
        try {
            audit.record(user, action, target, null);
        } catch (RuntimeException e) {
            log.error("{} on {} was done, but its audit entry could not be recorded: {}", action, target,
                    e.getClass().getName());
        }
    }
}
