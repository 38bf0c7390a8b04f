import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.PortalCore;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.config.PortalConfig;

/**
 * The chat benchmark's counsellor accounts, made as an administrator makes them in the back office
 * ({@code UserService.create}, recorded in the audit log), on the benchmark's own database (chat-bench.sh drops it
 * at the end). Run with the portal's jar on the class path and the portal's environment (PORTAL_DB_URL,
 * PORTAL_ADMIN_EMAIL of an existing administrator, a PORTAL_DATA_DIR of its own):
 *
 * <pre>java -cp portal-web/target/portal.jar deploy/bench/ChatBenchStaff.java COUNT PASSWORD OUT_FILE</pre>
 *
 * Writes the new accounts' e-mail addresses to OUT_FILE, one a line.
 */
public final class ChatBenchStaff {

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: ChatBenchStaff.java COUNT PASSWORD OUT_FILE");
            System.exit(2);
        }
        int count = Integer.parseInt(args[0]);
        PortalConfig config = PortalConfig.fromEnvironment();
        String adminEmail = System.getenv("PORTAL_ADMIN_EMAIL");
        try (PortalServices core = PortalCore.start(config)) {
            SignedInUser admin = core.users().list().stream().filter(u -> u.email().equals(adminEmail))
                    .map(u -> new SignedInUser(u.id(), u.email(), u.displayName(), u.role())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no administrator " + adminEmail));
            List<String> emails = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String email = "bench-counsellor-" + i + "@portal.test";
                core.users().create(admin, new NewUser(email, "Consultant de test " + i, Role.COUNSELLOR, args[1]));
                emails.add(email);
            }
            Files.write(Path.of(args[2]), emails);
        }
        System.exit(0);
    }
}
