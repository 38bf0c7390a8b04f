package md.migratiesigura.portal.event;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.event.EventChecks.Checked;
import md.migratiesigura.portal.event.EventProblem.Code;
import md.migratiesigura.portal.persistence.ConcurrentChanges;
import md.migratiesigura.portal.search.SearchOutbox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.query.SelectionQuery;

/**
 * Events: the public listing, one event, the feeds' and the API's ranges, and the trainers' saves, checked by
 * {@link EventChecks}. The annual report's figures are {@link EventReportSource}'s.
 *
 * <p>Every call is one transaction. A save is checked whole first and written whole or not at all: the event, an
 * audit entry and a search-outbox row commit together. Saves need an enabled trainer or administrator; a save based
 * on an older version than the one stored is a {@link EventSaveResult.Conflict}.
 */
public class EventService {

    private static final ZoneId ZONE = PortalTime.ZONE;
    public static final String SEARCH_TYPE = "event";
    public static final int MAX_TITLE = 300;
    public static final int MAX_DESCRIPTION = 20_000;
    public static final int MAX_LOCALITY = 200;
    public static final int MAX_VENUE = 300;
    public static final int MAX_PARTNERS = 1000;
    public static final int MAX_COUNT = 1_000_000;
    public static final int MAX_PHOTOS = 8;
    static final int MAX_KEY = 100;
    static final int MAX_LISTED = 500;
    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withResolverStyle(ResolverStyle.STRICT);

    private final SessionFactory sessionFactory;
    private final MarkdownRenderer markdown;
    private final AuditService audit;
    private final Clock clock;

    public EventService(SessionFactory sessionFactory, MarkdownRenderer markdown, AuditService audit, Clock clock) {
        this.sessionFactory = sessionFactory;
        this.markdown = markdown;
        this.audit = audit;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------- reading

    /** The public listing: events not yet ended first (soonest first), then past ones (latest first). */
    public List<EventView> listing(EventFilter filter) {
        Instant now = clock.instant();
        StringBuilder where = new StringBuilder("from Event e where 1 = 1");
        if (filter.type() != null) {
            where.append(" and e.type = :type");
        }
        if (filter.district() != null) {
            where.append(" and e.district = :district");
        }
        if (filter.month() != null) {
            where.append(" and e.startsAt < :monthEnd and e.endsAt >= :monthStart");
        }
        return sessionFactory.fromTransaction(session -> {
            List<EventView> upcoming = bind(session.createSelectionQuery(where + " and e.endsAt >= :now order by e.startsAt, e.id",
                    Event.class), filter).setParameter("now", now).setMaxResults(MAX_LISTED).setReadOnly(true)
                    .getResultList().stream().map(e -> view(e, now)).toList();
            List<EventView> past = bind(session.createSelectionQuery(where + " and e.endsAt < :now order by e.startsAt desc, e.id desc",
                    Event.class), filter).setParameter("now", now).setMaxResults(MAX_LISTED).setReadOnly(true)
                    .getResultList().stream().map(e -> view(e, now)).toList();
            List<EventView> all = new ArrayList<>(upcoming);
            all.addAll(past);
            return all;
        });
    }

    private static SelectionQuery<Event> bind(SelectionQuery<Event> query, EventFilter filter) {
        if (filter.type() != null) {
            query.setParameter("type", filter.type().code());
        }
        if (filter.district() != null) {
            query.setParameter("district", filter.district().key());
        }
        if (filter.month() != null) {
            query.setParameter("monthStart", filter.month().atDay(1).atStartOfDay(ZONE).toInstant());
            query.setParameter("monthEnd", filter.month().plusMonths(1).atDay(1).atStartOfDay(ZONE).toInstant());
        }
        return query;
    }

    /** Events that overlap {@code [from, to)}, by start; either bound may be null, the type too. */
    public List<EventView> between(Instant from, Instant to, EventType type) {
        Instant now = clock.instant();
        StringBuilder hql = new StringBuilder("from Event e where 1 = 1");
        if (from != null) {
            hql.append(" and e.endsAt >= :from");
        }
        if (to != null) {
            hql.append(" and e.startsAt < :to");
        }
        if (type != null) {
            hql.append(" and e.type = :type");
        }
        hql.append(" order by e.startsAt, e.id");
        return sessionFactory.fromTransaction(session -> {
            SelectionQuery<Event> q = session.createSelectionQuery(hql.toString(), Event.class);
            if (from != null) {
                q.setParameter("from", from);
            }
            if (to != null) {
                q.setParameter("to", to);
            }
            if (type != null) {
                q.setParameter("type", type.code());
            }
            return q.setMaxResults(5 * MAX_LISTED).setReadOnly(true).getResultList().stream().map(e -> view(e, now)).toList();
        });
    }

    /** One event by its key. */
    public Optional<EventView> find(String key) {
        if (key == null || key.length() > MAX_KEY) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return sessionFactory.fromTransaction(session ->
                Optional.ofNullable(session.bySimpleNaturalId(Event.class).load(key)).map(e -> view(e, now)));
    }

    /** Every event for the back office, latest start first. */
    public List<EventView> all() {
        Instant now = clock.instant();
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from Event e order by e.startsAt desc, e.id desc", Event.class)
                .setReadOnly(true).getResultList().stream().map(e -> view(e, now)).toList());
    }

    /** The months (Chisinau time) in which events start, latest first: the public filter's choices. */
    public List<YearMonth> months() {
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "select e.startsAt from Event e", Instant.class).getResultList())
                .stream().map(i -> YearMonth.from(i.atZone(ZONE))).distinct()
                .sorted(Comparator.reverseOrder()).toList();
    }

    static EventView view(Event e, Instant now) {
        District district = District.byKey(e.getDistrict()).orElseThrow();
        return new EventView(e.getKey(), e.getType(), e.getStatus(), e.getStartsAt(), e.getEndsAt(), district,
                e.getLocality(), e.getVenue(), e.getAudiences(), e.getPartners(), e.getParticipants(),
                e.getMaterials(), e.getPhotos(), e.getTitle(Language.RO), e.getTitle(Language.RU),
                e.getDescription(Language.RO), e.getDescription(Language.RU), e.getDescriptionHtml(Language.RO),
                e.getDescriptionHtml(Language.RU), e.getCreatedAt(), e.getUpdatedAt(),
                e.getVersion(), e.getStatus() == EventStatus.PLANNED && e.getEndsAt().isBefore(now));
    }

    // ---------------------------------------------------------------------------------------------- writing

    /** Creates ({@code draft.key() == null}) or changes an event, as the signed-in trainer. */
    public EventSaveResult save(SignedInUser actor, EventDraft draft) {
        try {
            return sessionFactory.fromTransaction(session -> {
                PortalUser user = actor == null ? null : session.find(PortalUser.class, actor.id());
                if (user == null || !user.isEnabled()
                        || (user.getRole() != Role.TRAINER && user.getRole() != Role.ADMINISTRATOR)) {
                    return new EventSaveResult.Rejected(List.of(new EventProblem("actor", Code.NOT_ALLOWED, null)));
                }
                Event event = null;
                if (draft.key() != null) {
                    event = session.bySimpleNaturalId(Event.class).load(draft.key());
                    if (event == null) {
                        return new EventSaveResult.Rejected(List.of(new EventProblem("key", Code.UNKNOWN_EVENT, null)));
                    }
                    if (event.getVersion() != draft.version()) {
                        return new EventSaveResult.Conflict(view(event, clock.instant()));
                    }
                }
                Checked c = EventChecks.check(session, draft, clock.instant());
                if (!c.problems.isEmpty()) {
                    return new EventSaveResult.Rejected(c.problems);
                }
                boolean created = event == null;
                if (created) {
                    event = new Event(newKey(session, c), clock.instant());
                }
                write(session, event, c, user.getEmail());
                audit.record(session, user, user.getEmail(), created ? AuditAction.EVENT_CREATED : AuditAction.EVENT_SAVED,
                        event.getKey(), c.status.code() + " " + c.type.code());
                session.flush();
                return new EventSaveResult.Saved(view(event, clock.instant()));
            });
        } catch (RuntimeException e) {
            if (ConcurrentChanges.isStale(e) && draft.key() != null) {
                return find(draft.key()).<EventSaveResult>map(EventSaveResult.Conflict::new)
                        .orElseGet(() -> new EventSaveResult.Rejected(List.of(new EventProblem("key", Code.UNKNOWN_EVENT, null))));
            }
            throw e;
        }
    }

    /**
     * Creates an event of the content folder unless its key exists (editorial work is never overwritten).
     *
     * @return the problems (nothing written), or an empty list; {@code created[0]} tells whether it was new
     */
    public List<EventProblem> importIfMissing(String key, EventDraft draft, boolean[] created) {
        return sessionFactory.fromTransaction(session -> {
            if (session.bySimpleNaturalId(Event.class).load(key) != null) {
                created[0] = false;
                return List.of();
            }
            Checked c = EventChecks.check(session, draft, clock.instant());
            if (!c.problems.isEmpty()) {
                return c.problems;
            }
            write(session, new Event(key, clock.instant()), c, null);
            created[0] = true;
            return List.of();
        });
    }

    /** The keys already in the database. */
    public Set<String> keys() {
        return new HashSet<>(sessionFactory.fromTransaction(session ->
                session.createSelectionQuery("select e.key from Event e", String.class).getResultList()));
    }

    private void write(Session session, Event event, Checked c, String byEmail) {
        Instant now = clock.instant();
        event.write(c, markdown.toHtml(c.descriptionRo), markdown.toHtml(c.descriptionRu), byEmail, now);
        if (event.getId() == null) {
            session.persist(event);
        }
        SearchOutbox.changed(session, SEARCH_TYPE, event.getKey(), now);
    }

    private static String newKey(Session session, Checked c) {
        String base = Slugs.slugify(c.titleRo);
        if (base.length() > 80) {
            base = base.substring(0, 80).replaceAll("-+[a-z0-9]*$", "");
        }
        String date = LocalDate.ofInstant(c.start, ZONE).toString();
        base = base.isEmpty() ? "eveniment-" + date : base + "-" + date;
        String key = base;
        for (int n = 2; session.bySimpleNaturalId(Event.class).load(key) != null; n++) {
            key = base + "-" + n;
        }
        return key;
    }
}
