package md.migratiesigura.portal.consultation;

import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import md.migratiesigura.portal.common.BackgroundThreads;
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
     * Queues an e-mail and returns at once; {@code outcome} later gets null when the server accepted it, or a short
     * reason (never the text) when it did not.
     */
    public void send(Outgoing mail, Consumer<String> outcome) {
        if (!isOn()) {
            outcome.accept("mail is off");
            return;
        }
        executor.execute(() -> {
            String error = null;
            try {
                deliver(mail);
            } catch (MessagingException | RuntimeException e) {
                error = reason(e);
                // The reason may quote the address: the counsellor sees it, the log gets only its kind.
                log.warn("A consultation reply could not be sent by e-mail ({})", e.getClass().getSimpleName());
            }
            try {
                outcome.accept(error);
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

    private static String reason(Exception e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String message = t.getMessage() == null ? t.getClass().getSimpleName()
                : t.getClass().getSimpleName() + ": " + t.getMessage().lines().findFirst().orElse("").strip();
        return message.length() > 290 ? message.substring(0, 290) : message;
    }

    /** Waits up to ten seconds for e-mails already queued, then stops. */
    @Override
    public void close() {
        if (executor != null) {
            BackgroundThreads.shutdownAndWait(executor, Duration.ofSeconds(10));
        }
    }
}
