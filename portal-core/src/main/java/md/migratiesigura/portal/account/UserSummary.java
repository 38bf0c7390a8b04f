package md.migratiesigura.portal.account;

import java.io.Serializable;
import java.time.Instant;
import md.migratiesigura.portal.common.Role;

/** A back-office account as the user list shows it; {@code secondFactor} when it signs in with a TOTP code too. */
public record UserSummary(long id, String email, String displayName, Role role, boolean enabled, Instant createdAt,
                          boolean secondFactor)
        implements Serializable {
}
