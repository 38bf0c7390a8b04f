package md.migratiesigura.portal.register;

import java.io.Serializable;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.report.HotlineFigures;
import md.migratiesigura.portal.search.ContentVersion;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * The hotline register: counsellors record each contact in the factsheet's categories; the author may correct or
 * delete an entry within a day of recording it, an administrator at any time; corrections and deletions are audited
 * (by entry number, never with content). Each call is one transaction unless it takes the caller's session.
 */
public class RegisterService {

    /** How long the author may correct or delete an entry; after it, only an administrator may. */
    public static final Duration AUTHOR_WINDOW = Duration.ofDays(1);

    private final SessionFactory sessionFactory;
    private final AuditService audit;
    private final Set<String> topics;
    private final Clock clock;

    /**
     * @param topics the topic codes a chat or consultation entry may carry (the consultations' topics)
     */
    public RegisterService(SessionFactory sessionFactory, AuditService audit, Set<String> topics, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.audit = audit;
        this.topics = Set.copyOf(topics);
        this.clock = clock;
    }

    /** Today in Chisinau: the default date of an entry, and the latest one allowed. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), PortalTime.ZONE);
    }

    /**
     * Records one contact; returns the entry's number.
     *
     * @throws RegisterException when the entry breaks a rule; nothing is saved
     */
    public long record(SignedInUser author, NewEntry entry) {
        long id = sessionFactory.fromTransaction(session -> record(session, author, entry, null));
        ContentVersion.changed();
        return id;
    }

    /**
     * Records one contact in the caller's transaction (a consultation closed records its entry with the closing); the
     * caller says {@link ContentVersion#changed()} once it has committed, so that the report shows the entry at once.
     *
     * @param topic a topic code of {@code topics}, or null
     */
    public long record(Session session, SignedInUser author, NewEntry entry, String topic) {
        entry.check(today());
        checkService(session, entry.serviceId());
        if (topic != null && !topics.contains(topic)) {
            throw new RegisterException(RegisterProblem.MISSING_VALUE, "topic");
        }
        RegisterEntry saved = new RegisterEntry(entry, topic, author == null ? null : author.id(), clock.instant());
        session.persist(saved);
        return saved.getId();
    }

    /**
     * Records a live chat the counsellor closed, dated today: the live chat calls this when a chat ends.
     *
     * @param kind  what the chat was about, as the counsellor confirmed it
     * @param topic the chat's topic code (the consultations' topic codes), or null
     * @return the entry's number
     */
    public long recordChat(SignedInUser counsellor, EntryKind kind, String topic) {
        long id = sessionFactory.fromTransaction(session -> record(session, counsellor,
                NewEntry.simple(today(), EntryChannel.CHAT, kind), topic));
        ContentVersion.changed();
        return id;
    }

    /**
     * Replaces what an entry says.
     *
     * @throws RegisterDenied    when the entry is gone or not the user's to change now
     * @throws RegisterException when the correction breaks a rule; nothing changes
     */
    public void correct(SignedInUser user, long id, NewEntry entry) {
        sessionFactory.inTransaction(session -> {
            RegisterEntry saved = changeable(session, user, id);
            entry.check(today());
            checkService(session, entry.serviceId());
            saved.write(entry);
            audit.record(session, user, AuditAction.REGISTER_ENTRY_CORRECTED, "register #" + id, null);
        });
        ContentVersion.changed();
    }

    /** Deletes an entry; {@link RegisterDenied} when it is gone or not the user's to delete now. */
    public void delete(SignedInUser user, long id) {
        sessionFactory.inTransaction(session -> {
            RegisterEntry saved = changeable(session, user, id);
            session.remove(saved);
            audit.record(session, user, AuditAction.REGISTER_ENTRY_DELETED, "register #" + id,
                    saved.getDate().toString());
        });
        ContentVersion.changed();
    }

    /** Whether the user may correct or delete the entry now. */
    public boolean mayChange(SignedInUser user, EntryView entry) {
        return user.role() == Role.ADMINISTRATOR || (entry.authorId() != null && entry.authorId() == user.id()
                && clock.instant().isBefore(entry.createdAt().plus(AUTHOR_WINDOW)));
    }

    public Optional<EntryView> find(long id) {
        return sessionFactory.fromTransaction(session ->
                Optional.ofNullable(session.find(RegisterEntry.class, id)).map(RegisterEntry::view));
    }

    /** The newest entries: an administrator's list has everyone's, a counsellor's their own. */
    public List<EntryView> recent(SignedInUser user, int limit) {
        return sessionFactory.fromTransaction(session -> {
            var query = user.role() == Role.ADMINISTRATOR
                    ? session.createSelectionQuery("from RegisterEntry e order by e.createdAt desc, e.id desc", RegisterEntry.class)
                    : session.createSelectionQuery("from RegisterEntry e where e.authorId = :me"
                    + " order by e.createdAt desc, e.id desc", RegisterEntry.class).setParameter("me", user.id());
            return query.setMaxResults(limit).getResultStream().map(RegisterEntry::view).toList();
        });
    }

    /** Whether the year has any entry (then the report counts from the register, and an import is refused). */
    public boolean hasEntries(int year) {
        return RegisterCounts.hasEntries(sessionFactory, year);
    }

    /** The hotline's figures of the year computed from the register; empty when the year has no entry. */
    public Optional<HotlineFigures> figures(int year) {
        return RegisterCounts.figures(sessionFactory, year);
    }

    /** The month's counts from its first day to {@code through} (inclusive). */
    public MonthCount count(YearMonth month, LocalDate through) {
        return RegisterCounts.count(sessionFactory, month, through);
    }

    /**
     * This month so far against the same days of the same month last year, and that whole month (the staff
     * dashboard).
     */
    public MonthComparison thisMonth() {
        LocalDate today = today();
        YearMonth now = YearMonth.from(today);
        YearMonth before = now.minusYears(1);
        int day = Math.min(today.getDayOfMonth(), before.lengthOfMonth());
        return new MonthComparison(count(now, today), count(before, before.atDay(day)),
                count(before, before.atEndOfMonth()));
    }

    /** What the dashboard compares. */
    public record MonthComparison(MonthCount soFar, MonthCount lastYearSameDays, MonthCount lastYearWholeMonth)
            implements Serializable {
    }

    /** Reads a CSV of a year's register and says what importing it would add; nothing is saved. */
    public RegisterImport.Preview previewImport(byte[] csv) {
        return new RegisterImport(sessionFactory, audit, clock).preview(csv, today());
    }

    /**
     * Imports a previewed file in one transaction with batched inserts, and records it in the audit log.
     *
     * @throws RegisterException when the preview has problems, or the year got entries meanwhile; nothing is saved
     */
    public int applyImport(RegisterImport.Preview preview, SignedInUser actor) {
        int added = new RegisterImport(sessionFactory, audit, clock).apply(preview, actor);
        ContentVersion.changed();
        return added;
    }

    private RegisterEntry changeable(Session session, SignedInUser user, long id) {
        RegisterEntry saved = session.find(RegisterEntry.class, id);
        if (saved == null) {
            throw new RegisterDenied(RegisterDenied.Reason.NOT_FOUND);
        }
        if (!mayChange(user, saved.view())) {
            throw new RegisterDenied(RegisterDenied.Reason.NOT_ALLOWED);
        }
        return saved;
    }

    private static void checkService(Session session, Long serviceId) {
        if (serviceId != null && RegisterImport.services(session).values().stream().noneMatch(serviceId::equals)) {
            throw new RegisterException(RegisterProblem.UNKNOWN_SERVICE, String.valueOf(serviceId));
        }
    }
}
