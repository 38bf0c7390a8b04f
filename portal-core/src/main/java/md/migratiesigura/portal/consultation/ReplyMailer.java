package md.migratiesigura.portal.consultation;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import md.migratiesigura.portal.common.BackgroundThreads;
import md.migratiesigura.portal.common.Language;
import javax.net.ssl.SSLException;
import md.migratiesigura.portal.config.ConsultationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends replies by e-mail through the configured SMTP server, one at a time on a thread of its own, so a slow or
 * dead server never holds up a counsellor's request. The outcome comes back through a callback; the reply itself is
 * already stored by then. Without a server ({@link #off()}) nothing is sent.
 */
public final class ReplyMailer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ReplyMailer.class);
    private static final String TIMEOUT_MS = "15000";

    /** One e-mail: to whom, subject and plain-text body. */
    public record Outgoing(String to, String subject, String body) {
        @Override
        public String toString() {
            return "Outgoing[…]"; // neither address nor text ever reaches a log
        }
    }

    private final Optional<ConsultationSettings.MailSettings> settings;
    private final Session session;
    private final ExecutorService executor;
    private final Clock clock;

    private ReplyMailer(Optional<ConsultationSettings.MailSettings> settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.session = settings.map(ReplyMailer::session).orElse(null);
        this.executor = settings.isPresent() ? Executors.newSingleThreadExecutor(BackgroundThreads.daemon("consultation-mail")) : null;
    }

    public static ReplyMailer of(Optional<ConsultationSettings.MailSettings> settings, Clock clock) {
        return new ReplyMailer(settings, clock);
    }

    public static ReplyMailer off() {
        return new ReplyMailer(Optional.empty(), Clock.systemUTC());
    }

    /** Whether an SMTP server is configured. */
    public boolean isOn() {
        return settings.isPresent();
    }

    /**
     * Queues an e-mail and returns at once; {@code outcome} later gets null when the server accepted it, or why it
     * did not, as a code: the server's text often quotes the address, so it is neither kept nor logged.
     */
    public void send(Outgoing mail, Consumer<DeliveryFailure> outcome) {
        if (!isOn()) {
            outcome.accept(DeliveryFailure.OTHER);
            return;
        }
        executor.execute(() -> {
            DeliveryFailure failure = null;
            try {
                deliver(mail);
            } catch (MessagingException | RuntimeException e) {
                failure = failure(e);
                log.warn("A consultation reply could not be sent by e-mail: {}", failure);
            }
            try {
                outcome.accept(failure);
            } catch (RuntimeException e) {
                log.warn("The outcome of a consultation e-mail could not be recorded: {}", e.toString());
            }
        });
    }

    private void deliver(Outgoing mail) throws MessagingException {
        ConsultationSettings.MailSettings s = settings.orElseThrow();
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(s.from()));
        message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(mail.to(), true));
        message.setSubject(mail.subject(), "UTF-8");
        message.setText(mail.body(), "UTF-8");
        message.setSentDate(Date.from(clock.instant()));
        Transport.send(message);
    }

    private static Session session(ConsultationSettings.MailSettings s) {
        Properties p = new Properties();
        String protocol = s.tls() == ConsultationSettings.Tls.SSL ? "smtps" : "smtp";
        p.put("mail.transport.protocol", protocol);
        p.put("mail." + protocol + ".host", s.host());
        p.put("mail." + protocol + ".port", Integer.toString(s.port()));
        p.put("mail." + protocol + ".connectiontimeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".timeout", TIMEOUT_MS);
        p.put("mail." + protocol + ".writetimeout", TIMEOUT_MS);
        if (s.tls() == ConsultationSettings.Tls.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        }
        if (s.tls() != ConsultationSettings.Tls.OFF) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
        }
        Authenticator authenticator = null;
        if (s.user().isPresent()) {
            p.put("mail." + protocol + ".auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(s.user().get(), s.password());
                }
            };
        }
        return Session.getInstance(p, authenticator);
    }

    /** The kind of a failure, from the exception and its causes (a MessagingException's cause is its next one). */
    static DeliveryFailure failure(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof AuthenticationFailedException) {
                return DeliveryFailure.AUTH;
            }
            if (t instanceof AddressException || (t instanceof SendFailedException refused
                    && (present(refused.getInvalidAddresses()) || present(refused.getValidUnsentAddresses())))) {
                return DeliveryFailure.RECIPIENT_REFUSED;
            }
            if (t instanceof SocketTimeoutException) {
                return DeliveryFailure.TIMEOUT;
            }
            // Jakarta Mail names a missing STARTTLS in its own message only (no address in it).
            if (t instanceof SSLException || (t instanceof MessagingException && t.getMessage() != null
                    && t.getMessage().contains("STARTTLS"))) {
                return DeliveryFailure.TLS;
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return DeliveryFailure.CONNECT;
            }
        }
        return DeliveryFailure.OTHER;
    }

    private static boolean present(Address[] addresses) {
        return addresses != null && addresses.length > 0;
    }

    /** Waits up to ten seconds for e-mails already queued, then stops. */
    @Override
    public void close() {
        if (executor != null) {
            BackgroundThreads.shutdownAndWait(executor, Duration.ofSeconds(10));
        }
    }

    /** The e-mail carrying a counsellor's reply, in the person's language, with the ticket and the hotline. */
    static Outgoing reply(String to, Language language, String ticket, String body) {
        String display = Tickets.display(ticket);
        if (language == Language.RU) {
            return new Outgoing(to, "Ответ консультанта «Миграция безопасная» (" + display + ")",
                    body + "\n\n--\nКонсультант Горячей линии La Strada. Ответ также можно прочитать на портале по коду "
                            + display + " и секретной фразе.\nГорячая линия: 0 800 77777 (бесплатно из Молдовы),"
                            + " +373 22 23 33 09 (из-за рубежа), каждый день 08:00–20:00.\n");
        }
        return new Outgoing(to, "Răspunsul consultantului „Migrație sigură” (" + display + ")",
                body + "\n\n--\nConsultant al Liniei Fierbinți La Strada. Răspunsul poate fi citit și pe portal cu codul "
                        + display + " și fraza secretă.\nLinia Fierbinte: 0 800 77777 (gratuit din Moldova),"
                        + " +373 22 23 33 09 (din străinătate), zilnic 08:00–20:00.\n");
    }
}
