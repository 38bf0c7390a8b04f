package md.migratiesigura.portal.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import md.migratiesigura.portal.TestDatabases;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The SMTP texts that earlier versions stored for failed reply e-mails become codes, and the texts are gone. */
class DeliveryFailureMigrationTest {

    /** The last migration before failures were stored as codes. */
    private static final String BEFORE = "12";

    @Test
    void storedServerTextsBecomeCodesAndNoAddressIsLeft() throws Exception {
        String url = TestDatabases.newDatabaseUrl();
        Flyway.configure().dataSource(url, TestDatabases.user(), TestDatabases.password())
                .locations("classpath:db/migration").target(BEFORE).load().migrate();
        // The exception's class and first line, as the earlier ReplyMailer wrote them; null for a sent reply.
        List<String> stored = Arrays.asList(
                "SMTPAddressFailedException: 550 5.1.1 <ana.popescu@example.org>: Recipient address rejected",
                "AuthenticationFailedException: 535 5.7.8 Error: authentication failed",
                "ConnectException: Connection refused",
                "SocketTimeoutException: Read timed out",
                "SSLHandshakeException: PKIX path building failed",
                "MessagingException: STARTTLS is required but host does not support STARTTLS",
                "SMTPSendFailedException: 554 5.7.1 <ana.popescu@example.org>: Relay access denied",
                "mail is off",
                null);
        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO consultations (id, ticket, phrase_hash, lang, topic, sos, channel, status, question,"
                    + " created_at) VALUES (1, 'ABCDEFGHJK', '$argon2id$x', 'ro', 'OTHER', FALSE, 'EMAIL', 'OPEN',"
                    + " X'01', '2026-03-01 09:00:00')");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO consultation_messages (consultation_id,"
                    + " kind, body, delivery, delivery_error, created_at) VALUES (1, 'REPLY', X'01', ?, ?, ?)")) {
                for (int i = 0; i < stored.size(); i++) {
                    insert.setString(1, stored.get(i) == null ? "EMAIL_SENT" : "EMAIL_FAILED");
                    insert.setString(2, stored.get(i));
                    insert.setString(3, "2026-03-01 09:00:0" + i);
                    insert.executeUpdate();
                }
            }
        }

        Flyway.configure().dataSource(url, TestDatabases.user(), TestDatabases.password())
                .locations("classpath:db/migration").load().migrate();

        try (Connection c = DriverManager.getConnection(url, TestDatabases.user(), TestDatabases.password());
             Statement s = c.createStatement()) {
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT delivery_failure FROM consultation_messages ORDER BY created_at")) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            assertEquals(Arrays.asList("RECIPIENT_REFUSED", "AUTH", "CONNECT", "TIMEOUT", "TLS", "TLS", "OTHER",
                    "OTHER", null), codes);
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.columns WHERE table_schema ="
                    + " DATABASE() AND table_name = 'consultation_messages' AND column_name = 'delivery_error'")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "the column that held the texts is gone");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM consultation_messages"
                    + " WHERE CONCAT_WS(' ', kind, author_name, delivery, delivery_failure) LIKE '%popescu%'")) {
                rs.next();
                assertFalse(rs.getInt(1) > 0, "no address is left in clear");
            }
        }
    }
}
