package md.migratiesigura.portal.consultation;

import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import md.migratiesigura.portal.account.HashingBusyException;
import md.migratiesigura.portal.account.PasswordHasher;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SealedColumn;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.consultation.ConsultationException.Reason;
import md.migratiesigura.portal.persistence.CommitConflicts;
import md.migratiesigura.portal.register.EntryChannel;
import md.migratiesigura.portal.register.EntryKind;
import md.migratiesigura.portal.register.NewEntry;
import md.migratiesigura.portal.register.RegisterException;
import md.migratiesigura.portal.register.RegisterService;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.throttle.MemoryThrottleStore;
import md.migratiesigura.portal.throttle.ThrottleStore;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;

/**
 * Online consultations: the public asks (anonymously, with a ticket code and a secret phrase to read the answer),
 * counsellors answer, note, refer and close; every staff action is audited by ticket code, never with any text.
 * Texts and contact details are sealed with {@link ConsultationCipher}; closed consultations are deleted after the
 * retention period ({@link ConsultationRetention}) while {@link ConsultationCounts} keeps the monthly numbers. The
 * services one can be referred to are {@link ReferralService}'s. Client addresses given to
 * {@link #submit} and {@link #readAnswer} are used for in-memory rate limits only.
 *
 * <p>The reader's side and the counsellors' side are kept in one class on purpose: they are the two halves of one
 * life cycle and share the row lock, the sealing of each cell and the audit; what can stand alone does (the
 * asker's limits, referrals, retention, counts, text rules, the reply e-mail's wording).
 */
public class ConsultationService {

    public static final int MAX_QUESTION = 5_000;
    public static final int MAX_MESSAGE = 10_000;
    public static final int MAX_CONTACT = 254;
    private static final int INBOX_LIMIT = 300;
    static final SealedColumn QUESTION = new SealedColumn("consultations", "question", "question");
    static final SealedColumn CONTACT = new SealedColumn("consultations", "contact", "contact");
    static final SealedColumn MESSAGE = new SealedColumn("consultation_messages", "body", "message");
    /** Every column whose values this service seals, for {@link Resealer}. */
    public static final List<SealedColumn> SEALED = List.of(QUESTION, CONTACT, MESSAGE);

    private final SessionFactory sessionFactory;
    private final ConsultationCipher cipher;
    private final ReplyMailer mailer;
    private final AuditService audit;
    private final PasswordHasher hasher;
    private final int retentionDays;
    private final Clock clock;
    private final Tickets tickets = new Tickets();
    private final FormStamps stamps;
    private final AskerLimits limits;
    /** Verified against when a ticket is unknown, so that an unknown ticket takes as long as a wrong phrase. */
    private final CompletableFuture<String> decoyHash;

    private RegisterService register;

    public ConsultationService(SessionFactory sessionFactory, ConsultationCipher cipher, ReplyMailer mailer,
                               AuditService audit, PasswordHasher hasher, int retentionDays, Duration minFillTime,
                               Clock clock) {
        this(sessionFactory, cipher, mailer, audit, hasher, retentionDays, minFillTime, clock,
                new MemoryThrottleStore(clock, RateLimit.MAX_TRACKED));
    }

    /** With the limits counted in {@code throttles}: the database's, so that every portal node shares them. */
    public ConsultationService(SessionFactory sessionFactory, ConsultationCipher cipher, ReplyMailer mailer,
                               AuditService audit, PasswordHasher hasher, int retentionDays, Duration minFillTime,
                               Clock clock, ThrottleStore throttles) {
        this.sessionFactory = sessionFactory;
        this.cipher = cipher;
        this.mailer = mailer;
        this.audit = audit;
        this.hasher = hasher;
        this.retentionDays = retentionDays;
        this.clock = clock;
        this.stamps = new FormStamps(cipher.derive("form-stamp"), minFillTime, clock, throttles);
        this.limits = new AskerLimits(clock, throttles);
        this.decoyHash = hasher.decoy(tickets.newPhrase());
    }

    /** The public form's signed timestamps (minimum fill time, one send per form). */
    public FormStamps formStamps() {
        return stamps;
    }

    /** Whether replies can go out by e-mail; when not, they wait behind the ticket code. */
    public boolean mailEnabled() {
        return mailer.isOn();
    }

    public int retentionDays() {
        return retentionDays;
    }

    // ---- the person asking ----

    /**
     * Checks and stores a question; returns the ticket code and the phrase, which exist nowhere else in clear.
     *
     * @throws ConsultationException with the first thing wrong, or {@link Reason#RATE_LIMITED}; nothing is stored
     * @throws HashingBusyException when the server hashes as many phrases and passwords as it can; nothing is stored
     */
    public Submitted submit(NewConsultation request, String clientAddress) {
        String question = ConsultationTexts.question(request.question());
        if (request.topic() == null) {
            throw new ConsultationException(Reason.TOPIC_MISSING);
        }
        Channel channel = request.channel() == null ? Channel.TICKET : request.channel();
        String contact = ConsultationTexts.contact(channel, request.contact());
        if (!limits.acquireSubmission(clientAddress)) {
            throw new ConsultationException(Reason.RATE_LIMITED);
        }
        String phrase = tickets.newPhrase();
        String phraseHash;
        try {
            phraseHash = hasher.hash(Tickets.normalizePhrase(phrase));
        } catch (HashingBusyException e) {
            // Nothing was stored: the question may be sent again without counting twice.
            limits.giveBackSubmission(clientAddress);
            throw e;
        }
        Instant now = clock.instant();
        String ticket = CommitConflicts.retry(() -> sessionFactory.fromTransaction(session -> {
            String code = tickets.newTicket();
            while (findByTicket(session, code).isPresent()) {
                code = tickets.newTicket();
            }
            Consultation consultation = new Consultation(code, phraseHash, request.language(), request.topic(),
                    request.sos(), channel, now);
            session.persist(consultation); // inserted at once (an identity column): the id the texts are sealed for
            consultation.sealTexts(cipher.seal(QUESTION.row(consultation.getId()), question),
                    cipher.seal(CONTACT.row(consultation.getId()), contact));
            ConsultationCounts.add(session, ConsultationCounts.monthOf(now), request.topic(), request.sos(), 0, 1);
            return code;
        }));
        return new Submitted(ticket, phrase);
    }

    /**
     * The question and its replies for a ticket code and phrase as typed. An unknown ticket, a wrong phrase and a
     * deleted consultation all give {@link AnswerLookup.NotFound}; wrong tries are limited per ticket and per address.
     *
     * @throws HashingBusyException when the phrase could not be checked now; the try is not counted
     */
    public AnswerLookup readAnswer(String typedTicket, String typedPhrase, String clientAddress) {
        String ticket = Tickets.normalizeTicket(typedTicket);
        String ticketKey = ticket != null ? ticket : "?";
        // Every try counts as wrong from the start: parallel tries are counted as they come, not once checked.
        Duration wait = limits.acquireTry(ticketKey, clientAddress);
        if (!wait.isZero()) {
            return new AnswerLookup.Throttled(wait);
        }
        boolean wrong = false;
        try {
            String phrase = Tickets.normalizePhrase(typedPhrase);
            String typed = phrase == null ? "" : phrase;
            record Outcome(AnswerLookup.Found found, boolean known) {
            }
            Outcome outcome = ticket == null ? new Outcome(null, false)
                    : sessionFactory.fromTransaction(session -> findByTicket(session, ticket)
                            .map(c -> new Outcome(hasher.verify(typed, c.getPhraseHash()) ? answer(session, c) : null, true))
                            .orElse(new Outcome(null, false)));
            if (outcome.found() != null) {
                return outcome.found();
            }
            if (!outcome.known()) {
                hasher.verify(typed, decoyHash.join());
            }
            wrong = true;
            return new AnswerLookup.NotFound();
        } finally {
            if (!wrong) {
                // The right phrase, or a check that could not be made: not a wrong try.
                limits.giveBackTry(ticketKey, clientAddress);
            }
        }
    }

    private AnswerLookup.Found answer(Session session, Consultation c) {
        List<AnswerLookup.Reply> replies = messages(session, c).stream()
                .filter(m -> m.getKind() == MessageKind.REPLY)
                .map(m -> new AnswerLookup.Reply(m.getCreatedAt(), cipher.open(MESSAGE.row(m.getId()), m.getBody())))
                .toList();
        return new AnswerLookup.Found(c.getTicket(), c.getTopic(), c.getCreatedAt(),
                cipher.open(QUESTION.row(c.getId()), c.getQuestion()),
                c.getStatus() == ConsultationStatus.CLOSED, replies);
    }

    // ---- the counsellors ----

    /** The inbox: SOS first, then the oldest; closed ones newest closed first. */
    public List<InboxItem> inbox(InboxFilter filter, SignedInUser user) {
        String where = switch (filter) {
            case OPEN -> "c.status = :open";
            case MINE -> "c.status = :open and c.assignee.id = :me";
            case CLOSED -> "c.status = :closed";
        };
        String order = filter == InboxFilter.CLOSED ? "c.closedAt desc, c.id desc" : "c.sos desc, c.createdAt asc, c.id asc";
        return sessionFactory.fromTransaction(session -> {
            var query = session.createSelectionQuery("select c, a.displayName,"
                    + " (select count(m) from ConsultationMessage m where m.consultation = c and m.kind = :reply)"
                    + " from Consultation c left join c.assignee a where " + where + " order by " + order, Object[].class);
            query.setParameter("reply", MessageKind.REPLY);
            if (filter == InboxFilter.CLOSED) {
                query.setParameter("closed", ConsultationStatus.CLOSED);
            } else {
                query.setParameter("open", ConsultationStatus.OPEN);
            }
            if (filter == InboxFilter.MINE) {
                query.setParameter("me", user.id());
            }
            return query.setMaxResults(INBOX_LIMIT).setReadOnly(true).getResultList().stream().map(row -> {
                Consultation c = (Consultation) row[0];
                return new InboxItem(c.getId(), c.getTicket(), c.getTopic(), c.getLanguage(), c.isSos(), c.getChannel(),
                        c.getStatus(), c.getCreatedAt(), (String) row[1], ((Number) row[2]).longValue());
            }).toList();
        });
    }

    /** How many open consultations are waiting, and how many of them are SOS (for the dashboard). */
    public long openCount() {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select count(c) from Consultation c where c.status = :open", Long.class)
                .setParameter("open", ConsultationStatus.OPEN).getSingleResult());
    }

    /** One consultation, decrypted; opening it is audited. Empty when it does not exist (or was deleted). */
    public Optional<ConsultationDetail> open(long id, SignedInUser user) {
        return sessionFactory.fromTransaction(session -> {
            Consultation c = session.find(Consultation.class, id);
            if (c == null) {
                return Optional.empty();
            }
            audit(session, user, AuditAction.CONSULTATION_VIEWED, c, null);
            return Optional.of(detail(session, c));
        });
    }

    /** One consultation, decrypted, without an audit entry: for showing again a page already opened. */
    public Optional<ConsultationDetail> find(long id) {
        return sessionFactory.fromTransaction(session ->
                Optional.ofNullable(session.find(Consultation.class, id)).map(c -> detail(session, c)));
    }

    private ConsultationDetail detail(Session session, Consultation c) {
        List<ConsultationDetail.MessageView> messages = messages(session, c).stream()
                .map(m -> new ConsultationDetail.MessageView(m.getId(), m.getKind(), m.getAuthorName(), m.getCreatedAt(),
                        cipher.open(MESSAGE.row(m.getId()), m.getBody()), m.getDelivery(), m.getDeliveryFailure()))
                .toList();
        PortalUser assignee = c.getAssignee();
        Referral referral = c.getReferral();
        return new ConsultationDetail(c.getId(), c.getTicket(), c.getTopic(), c.getLanguage(), c.isSos(), c.getChannel(),
                cipher.open(CONTACT.row(c.getId()), c.getContact()), cipher.open(QUESTION.row(c.getId()), c.getQuestion()),
                c.getStatus(),
                c.getCreatedAt(), c.getClosedAt(), assignee == null ? null : assignee.getId(),
                assignee == null ? null : assignee.getDisplayName(), referral == null ? null : referral.view(), messages);
    }

    /** Takes the consultation on. */
    public void assignToMe(long id, SignedInUser user) {
        act(session -> {
            Consultation c = openConsultation(session, id);
            c.assignTo(session.getReference(PortalUser.class, user.id()));
            audit(session, user, AuditAction.CONSULTATION_ASSIGNED, c, user.email());
        });
    }

    /**
     * Stores a reply and sends it by the person's channel: by e-mail in the background when mail is on (the
     * outcome is recorded on the reply), otherwise it waits behind the ticket. An unassigned consultation becomes
     * the replier's. Returns how the reply goes out.
     */
    public Delivery reply(long id, SignedInUser user, String text) {
        String body = ConsultationTexts.message(text);
        record Stored(long messageId, Delivery delivery, String to, Language language, String ticket) {
        }
        Stored stored = CommitConflicts.retry(() -> sessionFactory.fromTransaction(session -> {
            Consultation c = openConsultation(session, id);
            PortalUser author = session.getReference(PortalUser.class, user.id());
            if (c.getAssignee() == null) {
                c.assignTo(author);
            }
            Delivery delivery = switch (c.getChannel()) {
                case EMAIL -> mailer.isOn() ? Delivery.EMAIL_PENDING : Delivery.TICKET;
                case PHONE -> Delivery.PHONE;
                case TICKET -> Delivery.TICKET;
            };
            ConsultationMessage message = new ConsultationMessage(c, MessageKind.REPLY, author, user.displayName(),
                    delivery, clock.instant());
            session.persist(message);
            message.sealBody(cipher.seal(MESSAGE.row(message.getId()), body));
            audit(session, user, AuditAction.CONSULTATION_REPLIED, c, delivery.name());
            return new Stored(message.getId(), delivery, delivery == Delivery.EMAIL_PENDING
                    ? cipher.open(CONTACT.row(c.getId()), c.getContact()) : null, c.getLanguage(), c.getTicket());
        }));
        if (stored.delivery() == Delivery.EMAIL_PENDING) {
            mailer.send(ReplyMailer.reply(stored.to(), stored.language(), stored.ticket(), body),
                    failure -> recordDelivery(stored.messageId(), failure));
        }
        return stored.delivery();
    }

    private void recordDelivery(long messageId, DeliveryFailure failure) {
        CommitConflicts.retry(() -> sessionFactory.inTransaction(session -> {
            ConsultationMessage message = session.find(ConsultationMessage.class, messageId);
            if (message != null) { // deleted meanwhile by the retention job: nothing to record
                message.delivered(failure == null ? Delivery.EMAIL_SENT : Delivery.EMAIL_FAILED, failure);
            }
        }));
    }

    /** An internal note, seen by staff only. */
    public void addNote(long id, SignedInUser user, String text) {
        String body = ConsultationTexts.message(text);
        act(session -> {
            Consultation c = openConsultation(session, id);
            ConsultationMessage note = new ConsultationMessage(c, MessageKind.NOTE,
                    session.getReference(PortalUser.class, user.id()), user.displayName(), Delivery.INTERNAL, clock.instant());
            session.persist(note);
            note.sealBody(cipher.seal(MESSAGE.row(note.getId()), body));
            audit(session, user, AuditAction.CONSULTATION_NOTE_ADDED, c, null);
        });
    }

    /** Records a referral (or none) and moves the consultation's monthly count to it. */
    public void refer(long id, SignedInUser user, Long referralId) {
        act(session -> {
            Consultation c = openConsultation(session, id);
            Referral referral = null;
            if (referralId != null) {
                referral = session.find(Referral.class, referralId);
                if (referral == null || (referral.isRetired()
                        && (c.getReferral() == null || !referral.getId().equals(c.getReferral().getId())))) {
                    throw new ConsultationException(Reason.NOT_FOUND);
                }
            }
            long before = c.getReferral() == null ? 0 : c.getReferral().getId();
            long after = referral == null ? 0 : referral.getId();
            if (before != after) {
                LocalDate month = ConsultationCounts.monthOf(c.getCreatedAt());
                ConsultationCounts.add(session, month, c.getTopic(), c.isSos(), before, -1);
                ConsultationCounts.add(session, month, c.getTopic(), c.isSos(), after, 1);
                c.referTo(referral);
                audit(session, user, AuditAction.CONSULTATION_REFERRED, c, referral == null ? "none" : referral.getNameRo());
            }
        });
    }

    /** Closes the consultation; its texts are deleted {@link #retentionDays()} days later. */
    public void close(long id, SignedInUser user) {
        act(session -> {
            Consultation c = openConsultation(session, id);
            c.close(clock.instant());
            audit(session, user, AuditAction.CONSULTATION_CLOSED, c, null);
        });
    }

    /**
     * Closes the consultation and records it in the hotline register, in one transaction: channel consultation,
     * dated today, of the kind the counsellor confirmed, with the consultation's topic, and its referral service
     * when the kind is a referral. Nothing of the question or the person goes into the register.
     *
     * @throws RegisterException when the entry is refused: the consultation stays open
     */
    public void close(long id, SignedInUser user, EntryKind kind) {
        if (register == null) {
            throw new IllegalStateException("no hotline register to record the consultation in");
        }
        act(session -> {
            Consultation c = openConsultation(session, id);
            Long service = kind == EntryKind.REFERRAL && c.getReferral() != null ? c.getReferral().getId() : null;
            register.record(session, user, new NewEntry(register.today(), EntryChannel.CONSULTATION, kind, service,
                    null, 0, null, null, Set.of()), c.getTopic().code());
            c.close(clock.instant());
            audit(session, user, AuditAction.CONSULTATION_CLOSED, c, kind.code());
        });
        ContentVersion.changed();
    }

    /** Closing a consultation then records it in the register (see {@link #close(long, SignedInUser, EntryKind)}). */
    public ConsultationService recordingIn(RegisterService register) {
        this.register = register;
        return this;
    }

    /** Runs a staff action; a change someone made meanwhile to the same row becomes {@link Reason#CHANGED_MEANWHILE}. */
    private void act(Consumer<Session> action) {
        try {
            CommitConflicts.retry(() -> sessionFactory.inTransaction(action));
        } catch (OptimisticLockException | StaleStateException e) {
            throw new ConsultationException(Reason.CHANGED_MEANWHILE);
        }
    }

    private Consultation openConsultation(Session session, long id) {
        Consultation c = session.find(Consultation.class, id);
        if (c == null) {
            throw new ConsultationException(Reason.NOT_FOUND);
        }
        if (c.getStatus() == ConsultationStatus.CLOSED) {
            throw new ConsultationException(Reason.CLOSED);
        }
        return c;
    }

    private static List<ConsultationMessage> messages(Session session, Consultation c) {
        return session.createSelectionQuery("from ConsultationMessage m where m.consultation = :c order by m.createdAt, m.id",
                ConsultationMessage.class).setParameter("c", c).getResultList();
    }

    private static Optional<Consultation> findByTicket(Session session, String ticket) {
        return session.createSelectionQuery("from Consultation c where c.ticket = :ticket", Consultation.class)
                .setParameter("ticket", ticket).uniqueResultOptional();
    }

    private void audit(Session session, SignedInUser user, AuditAction action, Consultation c, String detail) {
        audit.record(session, session.getReference(PortalUser.class, user.id()), user.email(), action,
                Tickets.display(c.getTicket()), detail);
    }
}
