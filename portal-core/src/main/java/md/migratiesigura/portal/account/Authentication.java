package md.migratiesigura.portal.account;

import java.io.Serializable;
import md.migratiesigura.portal.common.SignedInUser;

/**
 * A password (or password and code) that was accepted. When {@code codeRequired}, the user has a second factor and
 * is not signed in until {@link UserService#verifyCode} accepts a code. {@code sessionGeneration} is what the
 * session must carry for {@link UserService#active(long, int)} to keep accepting it. When
 * {@code passwordChangeRequired}, the password was set by someone else (the first administrator's one-time password,
 * an administrator's reset) and the back office opens only once {@link UserService#changePassword} replaced it.
 */
public record Authentication(SignedInUser user, boolean codeRequired, int sessionGeneration,
                             boolean passwordChangeRequired) implements Serializable {
}
