package md.migratiesigura.portal.account;

import java.io.Serializable;
import md.migratiesigura.portal.common.SignedInUser;

/**
 * A password (or password and code) that was accepted. When {@code codeRequired}, the user has a second factor and
 * is not signed in until {@link UserService#verifyCode} accepts a code. {@code sessionGeneration} is what the
 * session must carry for {@link UserService#active(long, int)} to keep accepting it.
 */
public record Authentication(SignedInUser user, boolean codeRequired, int sessionGeneration) implements Serializable {
}
