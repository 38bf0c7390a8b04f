package md.migratiesigura.portal.service;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import md.migratiesigura.portal.domain.PortalUser;
import md.migratiesigura.portal.domain.Role;
import org.hibernate.SessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Back-office accounts. */
public class UserService {

    private static final Logger log = LoggerFactory.getLogger(UserService.class);
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final SessionFactory sessionFactory;
    private final PasswordHasher hasher;
    private final Clock clock;

    public UserService(SessionFactory sessionFactory, PasswordHasher hasher, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Creates the first administrator when there is no user at all. Without a configured password a random one is
     * generated and written to the log once: it is the only way to learn it.
     *
     * @return true when an administrator was created now
     */
    public boolean ensureAdministrator(Optional<String> email, Optional<String> password) {
        return sessionFactory.fromTransaction(session -> {
            long users = session.createSelectionQuery("select count(u) from PortalUser u", Long.class).getSingleResult();
            if (users > 0) {
                return false;
            }
            String address = email.orElse("admin@localhost");
            String secret = password.orElseGet(UserService::randomPassword);
            session.persist(new PortalUser(address, "Administrator", hasher.hash(secret), Role.ADMINISTRATOR,
                    clock.instant()));
            if (password.isPresent()) {
                log.info("Created the first administrator, {}, with the password from PORTAL_ADMIN_PASSWORD", address);
            } else {
                log.warn("Created the first administrator, {}, with the one-time password: {}  (shown only now; change it after logging in)",
                        address, secret);
            }
            return true;
        });
    }

    public long count() {
        return sessionFactory.fromTransaction(session ->
                session.createSelectionQuery("select count(u) from PortalUser u", Long.class).getSingleResult());
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
