package md.migratiesigura.portal.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * One audit log entry as shown to administrators.
 *
 * @param actorEmail who did it; null when nobody was signed in or the account was unknown
 * @param target     what it was done to (an account's e-mail, an address in the back office); may be null
 * @param detail     a short code such as {@code wrong-password} or {@code unknown-account}; may be null
 */
public record AuditRecord(long id, Instant occurredAt, String actorEmail, AuditAction action, String target,
                          String detail) implements Serializable {
}
