package md.migratiesigura.portal.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The online consultations' settings.
 *
 * @param keys          AES-256 keys from {@code PORTAL_CONSULTATION_KEY} (base64, comma-separated: the first encrypts,
 *                      all decrypt, so a key can be rotated); empty means a key kept in {@code PORTAL_DATA_DIR}
 * @param retentionDays days after closing that a consultation's texts and contact details are deleted
 * @param minFillTime   how long the public form must have been open before it is accepted (against bots)
 * @param mail          the SMTP server replies are sent through; empty means mail is off
 */
public record ConsultationSettings(List<byte[]> keys, int retentionDays, Duration minFillTime,
                                   Optional<MailSettings> mail) {

    public static final int DEFAULT_RETENTION_DAYS = 90;
    public static final Duration DEFAULT_MIN_FILL_TIME = Duration.ofSeconds(4);

    public ConsultationSettings {
        keys = List.copyOf(keys);
    }

    /** How an SMTP connection is secured: STARTTLS (required), TLS from the first byte, or not at all. */
    public enum Tls {
        STARTTLS, SSL, OFF
    }

    /** An SMTP server: address, optional login, the sender address, and how the connection is secured. */
    public record MailSettings(String host, int port, Optional<String> user, String password, String from, Tls tls) {

        @Override
        public String toString() {
            // Never the password, should a settings record end up in a message.
            return "MailSettings[" + host + ":" + port + ", from " + from + ", " + tls + "]";
        }
    }

    @Override
    public String toString() {
        return "ConsultationSettings[" + keys.size() + " key(s), retention " + retentionDays + " days, min fill "
                + minFillTime + ", mail " + mail.map(MailSettings::toString).orElse("off") + "]";
    }
}
