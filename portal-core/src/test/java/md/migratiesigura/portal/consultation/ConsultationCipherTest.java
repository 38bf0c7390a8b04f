package md.migratiesigura.portal.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.common.SealedColumn;
import md.migratiesigura.portal.config.ConfigException;
import md.migratiesigura.portal.config.ConsultationSettings;
import md.migratiesigura.portal.config.PortalConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sealing texts, keys from configuration or the data directory, tickets and phrases, the form's stamps. */
class ConsultationCipherTest {

    private static final SealedColumn.Cell QUESTION_1 = ConsultationService.QUESTION.row(1);

    private static byte[] key() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    @Test
    void aSealedTextOpensAgainButHoldsNoPlaintextAndDiffersEachTime() {
        ConsultationCipher cipher = new ConsultationCipher(List.of(key()));
        String text = "Mi-au luat pașaportul la Napoli, ce fac? Меня не отпускают.";
        byte[] first = cipher.seal(QUESTION_1, text);
        byte[] second = cipher.seal(QUESTION_1, text);
        assertEquals(text, cipher.open(QUESTION_1, first));
        assertFalse(Arrays.equals(first, second), "a random IV for every value");
        String raw = new String(first, StandardCharsets.ISO_8859_1);
        assertFalse(raw.contains("Napoli") || raw.contains("Меня"), "no plaintext in the sealed bytes");
        assertEquals(1 + 4 + 12 + text.getBytes(StandardCharsets.UTF_8).length + 16, first.length);
    }

    @Test
    void aValueDoesNotOpenAsAnotherFieldNorWhenOneByteChanged() {
        ConsultationCipher cipher = new ConsultationCipher(List.of(key()));
        byte[] sealed = cipher.seal(QUESTION_1, "întrebare");
        assertThrows(IllegalStateException.class, () -> cipher.open(ConsultationService.MESSAGE.row(1), sealed));
        sealed[sealed.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.open(QUESTION_1, sealed));
    }

    @Test
    void afterARotationTheOldKeyStillOpensWhatItSealedAndTheNewOneSeals() {
        byte[] oldKey = key();
        byte[] newKey = key();
        SealedColumn.Cell contact = ConsultationService.CONTACT.row(1);
        byte[] sealedBefore = new ConsultationCipher(List.of(oldKey)).seal(contact, "+373 69 000 000");
        ConsultationCipher rotated = new ConsultationCipher(List.of(newKey, oldKey));
        assertEquals("+373 69 000 000", rotated.open(contact, sealedBefore));
        byte[] sealedAfter = rotated.seal(contact, "x");
        assertThrows(IllegalStateException.class, () -> new ConsultationCipher(List.of(oldKey)).open(contact, sealedAfter),
                "sealed with the new key");
    }

    @Test
    void aValueCopiedToAnotherRowOrTableDoesNotOpenAndTheErrorNamesTheCellNotTheText() {
        ConsultationCipher cipher = new ConsultationCipher(List.of(key()));
        byte[] sealed = cipher.seal(QUESTION_1, "Mă ține cu forța la Antalya");
        IllegalStateException moved = assertThrows(IllegalStateException.class,
                () -> cipher.open(ConsultationService.QUESTION.row(2), sealed), "another consultation's question");
        assertTrue(moved.getMessage().contains("consultations #2 question"), moved.getMessage());
        assertTrue(moved.getMessage().contains("copied from another row"), moved.getMessage());
        assertFalse(moved.getMessage().contains("Antalya"));
        SealedColumn elsewhere = new SealedColumn("users", "question", "question");
        assertThrows(IllegalStateException.class, () -> cipher.open(elsewhere.row(1), sealed), "another table");
    }

    @Test
    void aValueOfTheFormerFormatOpensUntilThatFormatIsRefused() {
        byte[] key = key();
        ConsultationCipher cipher = new ConsultationCipher(List.of(key));
        byte[] former = FormerSealing.seal(key, "question", "Unde îmi găsesc fiica?");
        assertEquals("Unde îmi găsesc fiica?", cipher.open(ConsultationService.QUESTION.row(7), former));
        assertThrows(IllegalStateException.class, () -> cipher.open(ConsultationService.CONTACT.row(7), former),
                "still bound to its field's name");
        cipher.refuseFormerFormat();
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> cipher.open(ConsultationService.QUESTION.row(7), former));
        assertTrue(refused.getMessage().contains("former format"), refused.getMessage());
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedIntoTheDataDirectoryReadableByItsOwnerOnly(@TempDir Path dir) throws Exception {
        ConsultationSettings settings = new ConsultationSettings(List.of(), 90, Duration.ZERO, Optional.empty());
        byte[] first = ConsultationKeys.load(settings, dir).get(0);
        Path file = dir.resolve(ConsultationKeys.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(Arrays.equals(first, ConsultationKeys.load(settings, dir).get(0)), "the same key at the next start");
        byte[] configured = key();
        assertTrue(Arrays.equals(configured, ConsultationKeys.load(
                new ConsultationSettings(List.of(configured), 90, Duration.ZERO, Optional.empty()), dir).get(0)));
    }

    @Test
    void aBadKeySettingStopsTheStartNamingTheVariableButNotTheValue() {
        String bad = Base64.getEncoder().encodeToString(new byte[16]);
        ConfigException e = assertThrows(ConfigException.class, () -> PortalConfig.from(
                Map.of("PORTAL_CONSULTATION_KEY", bad), new Properties()));
        assertTrue(e.getMessage().startsWith("PORTAL_CONSULTATION_KEY"), e.getMessage());
        assertTrue(e.getMessage().contains("16 bytes"));
        assertFalse(e.getMessage().contains(bad), "the key is never repeated");
        assertThrows(ConfigException.class, () -> PortalConfig.from(Map.of("PORTAL_CONSULTATION_KEY", "not base64!"), new Properties()));
        assertThrows(ConfigException.class, () -> PortalConfig.from(Map.of("PORTAL_CONSULTATION_RETENTION_DAYS", "0"), new Properties()));
        assertThrows(ConfigException.class, () -> PortalConfig.from(Map.of("PORTAL_SMTP_HOST", "mail.example.org"), new Properties()),
                "a server needs a sender address");
        assertThrows(ConfigException.class, () -> PortalConfig.from(Map.of("PORTAL_SMTP_HOST", "mail.example.org",
                "PORTAL_SMTP_FROM", "portal@example.org", "PORTAL_SMTP_TLS", "maybe"), new Properties()));
        PortalConfig ok = PortalConfig.from(Map.of("PORTAL_SMTP_HOST", "mail.example.org", "PORTAL_SMTP_FROM",
                "portal@example.org", "PORTAL_SMTP_PASSWORD", "secret-password"), new Properties());
        assertEquals(587, ok.consultations().mail().orElseThrow().port());
        assertEquals(90, ok.consultations().retentionDays());
        assertFalse(ok.consultations().toString().contains("secret-password"));
    }

    @Test
    void ticketsAndPhrasesAreReadBackHoweverTheyAreTyped() {
        Tickets tickets = new Tickets();
        String ticket = tickets.newTicket();
        String phrase = tickets.newPhrase();
        assertEquals(10, ticket.length());
        assertTrue(phrase.matches("[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}"), phrase);
        assertEquals(ticket, Tickets.normalizeTicket(" " + Tickets.display(ticket).toLowerCase() + " "));
        assertEquals(Tickets.normalizePhrase(phrase), Tickets.normalizePhrase(phrase.toUpperCase().replace("-", " ")));
        assertEquals(null, Tickets.normalizeTicket("ABC"));
        assertEquals(null, Tickets.normalizeTicket("<script>x"));
        assertNotEquals(ticket, tickets.newTicket());
    }

    @Test
    void aFormStampIsRefusedTooSoonForgedOrTwice() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
        FormStamps stamps = new FormStamps(key(), Duration.ofSeconds(4), clock);
        String stamp = stamps.issue();
        assertEquals(FormStamps.Verdict.TOO_FAST, stamps.check(stamp));
        clock.set(clock.instant().plusSeconds(5));
        assertEquals(FormStamps.Verdict.OK, stamps.check(stamp));
        assertEquals(FormStamps.Verdict.INVALID, stamps.check(stamp.substring(0, stamp.length() - 2) + "xx"));
        assertEquals(FormStamps.Verdict.INVALID, stamps.check("1700000000000.abc.def"));
        assertEquals(FormStamps.Verdict.INVALID, new FormStamps(key(), Duration.ZERO, clock).check(stamp),
                "another server's secret");
        stamps.use(stamp);
        assertEquals(FormStamps.Verdict.USED, stamps.check(stamp));
        String old = stamps.issue();
        clock.set(clock.instant().plus(Duration.ofDays(2)));
        assertEquals(FormStamps.Verdict.INVALID, stamps.check(old), "a day-old form is loaded again");
    }
}
