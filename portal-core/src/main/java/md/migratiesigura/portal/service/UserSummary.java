package md.migratiesigura.portal.service;

import java.io.Serializable;
import java.time.Instant;
import md.migratiesigura.portal.domain.Role;

/** A back-office account as the user list shows it. */
public record UserSummary(long id, String email, String displayName, Role role, boolean enabled, Instant createdAt)
        implements Serializable {
}
