package md.migratiesigura.portal.event;

import jakarta.persistence.OptimisticLockException;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import md.migratiesigura.portal.account.PortalUser;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.content.Slugs;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.event.EventProblem.Code;
import md.migratiesigura.portal.media.MediaImage;
import md.migratiesigura.portal.report.EventFigures;
import md.migratiesigura.portal.report.ReportSources;
import md.migratiesigura.portal.search.SearchOutbox;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.StaleStateException;
import org.hibernate.query.SelectionQuery;

/**
 * Events: the public listing, one event, the feeds' and the API's ranges, the trainers' saves, and the annual
 * report's figures.
 *
 * <p>Every call is one transaction. A save is checked whole first and written whole or not at all: the event, an
 * audit entry and a search-outbox row commit together. Saves need an enabled trainer or administrator; a save based
 * on an older version than the one stored is a {@link EventSaveResult.Conflict}.
 */
public class EventService implements ReportSources.EventStatistics {

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
                .sorted(java.util.Comparator.reverseOrder()).toList();
    }

    static EventView view(Event e, Instant now) {
        District district = District.byKey(e.getDistrict()).orElseThrow();
        return new EventView(e.getKey(), e.getType(), e.getStatus(), e.getStartsAt(), e.getEndsAt(), district,
                e.getLocality(), e.getVenue(), e.getAudiences(), e.getPartners(), e.getParticipants(),
                e.getMaterials(), e.getPhotos(), e.getTitle(md.migratiesigura.portal.common.Language.RO),
                e.getTitle(md.migratiesigura.portal.common.Language.RU),
                e.getDescription(md.migratiesigura.portal.common.Language.RO),
                e.getDescription(md.migratiesigura.portal.common.Language.RU),
                e.getDescriptionHtml(md.migratiesigura.portal.common.Language.RO),
                e.getDescriptionHtml(md.migratiesigura.portal.common.Language.RU), e.getCreatedAt(), e.getUpdatedAt(),
                e.getVersion(), e.getStatus() == EventStatus.PLANNED && e.getEndsAt().isBefore(now));
    }

    // ---------------------------------------------------------------------------------------------- report

    /** Events held in the year (by their start, Chisinau time): counts per type, participants, materials. */
    @Override
    public EventFigures forYear(int year) {
        Map<String, Long> byType = new LinkedHashMap<>();
        EventFigures.TYPES.forEach(t -> byType.put(t, 0L));
        long participants = 0;
        long materials = 0;
        for (Event e : held(year)) {
            byType.merge(e.getType().code(), 1L, Long::sum);
            participants += e.getParticipants() == null ? 0 : e.getParticipants();
            materials += e.getMaterials() == null ? 0 : e.getMaterials();
        }
        return new EventFigures(byType, participants, materials);
    }

    /** Held events of the year per month and per district. */
    public EventBreakdown breakdown(int year) {
        long[][] months = new long[12][3];
        Map<String, long[]> districts = new LinkedHashMap<>();
        for (Event e : held(year)) {
            long p = e.getParticipants() == null ? 0 : e.getParticipants();
            long m = e.getMaterials() == null ? 0 : e.getMaterials();
            long[] month = months[e.getStartsAt().atZone(ZONE).getMonthValue() - 1];
            long[] district = districts.computeIfAbsent(e.getDistrict(), k -> new long[3]);
            for (long[] row : new long[][] {month, district}) {
                row[0]++;
                row[1] += p;
                row[2] += m;
            }
        }
        List<EventBreakdown.Row> monthRows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            monthRows.add(new EventBreakdown.Row(String.valueOf(i + 1), months[i][0], months[i][1], months[i][2]));
        }
        List<EventBreakdown.Row> districtRows = District.ALL.stream().filter(d -> districts.containsKey(d.key()))
                .map(d -> {
                    long[] r = districts.get(d.key());
                    return new EventBreakdown.Row(d.key(), r[0], r[1], r[2]);
                }).toList();
        return new EventBreakdown(year, monthRows, districtRows);
    }

    private List<Event> held(int year) {
        Instant from = LocalDate.of(year, 1, 1).atStartOfDay(ZONE).toInstant();
        Instant to = LocalDate.of(year + 1, 1, 1).atStartOfDay(ZONE).toInstant();
        return sessionFactory.fromTransaction(session -> session.createSelectionQuery(
                        "from Event e where e.status = :held and e.startsAt >= :from and e.startsAt < :to", Event.class)
                .setParameter("held", EventStatus.HELD.code())
                .setParameter("from", from)
                .setParameter("to", to)
                .setReadOnly(true)
                .getResultList());
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
                Checked c = check(session, draft, clock.instant());
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
            if (isStale(e) && draft.key() != null) {
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
            Checked c = check(session, draft, clock.instant());
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
        return new java.util.HashSet<>(sessionFactory.fromTransaction(session ->
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

    private static boolean isStale(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OptimisticLockException || t instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------------------------------------- checks

    /** A draft after checking; {@code problems} lists what is wrong, the other fields are usable when it is empty. */
    static final class Checked {
        final List<EventProblem> problems = new ArrayList<>();
        EventType type;
        EventStatus status;
        String titleRo;
        String titleRu;
        String descriptionRo;
        String descriptionRu;
        Instant start;
        Instant end;
        District district;
        String locality;
        String venue;
        Set<Audience> audiences = new LinkedHashSet<>();
        String partners;
        Integer participants;
        Integer materials;
        List<String> photos = new ArrayList<>();
    }

    /** Checks everything and reports every problem at once, so the trainer fixes them in one go. */
    static Checked check(Session session, EventDraft d, Instant now) {
        Checked c = new Checked();
        c.type = d.type() == null || d.type().isBlank() ? problem(c, "type", Code.REQUIRED)
                : EventType.ofCode(d.type().strip()).orElseGet(() -> problem(c, "type", Code.TYPE_UNKNOWN));
        c.status = d.status() == null || d.status().isBlank() ? problem(c, "status", Code.REQUIRED)
                : EventStatus.ofCode(d.status().strip()).orElseGet(() -> problem(c, "status", Code.STATUS_UNKNOWN));
        c.titleRo = text(c, "titleRo", d.titleRo(), MAX_TITLE, true, false);
        c.titleRu = text(c, "titleRu", d.titleRu(), MAX_TITLE, true, false);
        c.descriptionRo = orEmpty(text(c, "descriptionRo", d.descriptionRo(), MAX_DESCRIPTION, false, true));
        c.descriptionRu = orEmpty(text(c, "descriptionRu", d.descriptionRu(), MAX_DESCRIPTION, false, true));
        c.locality = text(c, "locality", d.locality(), MAX_LOCALITY, true, false);
        c.venue = text(c, "venue", d.venue(), MAX_VENUE, false, false);
        c.partners = text(c, "partners", d.partners(), MAX_PARTNERS, false, false);
        if (d.district() == null || d.district().isBlank()) {
            problem(c, "district", Code.REQUIRED);
        } else {
            c.district = District.find(d.district()).orElseGet(() -> problem(c, "district", Code.DISTRICT_UNKNOWN));
        }
        for (String code : d.audiences()) {
            Audience.ofCode(code == null ? "" : code.strip()).ifPresentOrElse(c.audiences::add,
                    () -> problem(c, "audiences", Code.AUDIENCE_UNKNOWN));
        }
        LocalDate startDate = date(c, "startDate", d.startDate(), true);
        LocalTime startTime = time(c, "startTime", d.startTime());
        LocalDate endDate = date(c, "endDate", d.endDate(), false);
        LocalTime endTime = time(c, "endTime", d.endTime());
        if (startDate != null && startTime != null) {
            c.start = ZonedDateTime.of(LocalDateTime.of(startDate, startTime), ZONE).toInstant();
            LocalDate effectiveEnd = endDate != null ? endDate : startDate;
            boolean endDateOk = endDate != null || d.endDate() == null || d.endDate().isBlank();
            if (endTime != null && endDateOk) {
                c.end = ZonedDateTime.of(LocalDateTime.of(effectiveEnd, endTime), ZONE).toInstant();
                if (c.end.isBefore(c.start)) {
                    problem(c, "endTime", Code.END_BEFORE_START);
                }
            }
        }
        c.participants = count(c, "participants", d.participants());
        c.materials = count(c, "materials", d.materials());
        if (c.start != null && c.start.isAfter(now)) {
            if (c.status == EventStatus.HELD) {
                problem(c, "status", Code.HELD_IN_FUTURE);
            }
            if (c.participants != null || c.materials != null) {
                problem(c, c.participants != null ? "participants" : "materials", Code.COUNTS_BEFORE_EVENT);
            }
        }
        if (d.photos().size() > MAX_PHOTOS) {
            c.problems.add(new EventProblem("photos", Code.TOO_MANY_PHOTOS, String.valueOf(MAX_PHOTOS)));
        }
        for (String id : d.photos()) {
            if (id == null || !id.matches("[0-9a-f]{32}") || session.find(MediaImage.class, id) == null) {
                problem(c, "photos", Code.PHOTO_UNKNOWN);
            } else if (!c.photos.contains(id)) {
                c.photos.add(id);
            }
        }
        return c;
    }

    private static <T> T problem(Checked c, String field, Code code) {
        if (c.problems.stream().noneMatch(p -> p.field().equals(field) && p.code() == code)) {
            c.problems.add(new EventProblem(field, code, null));
        }
        return null;
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }

    private static String text(Checked c, String field, String raw, int max, boolean required, boolean multiline) {
        String value = raw == null ? "" : multiline ? raw.replace("\r\n", "\n").strip() : raw.strip();
        if (value.isEmpty()) {
            return required ? problem(c, field, Code.REQUIRED) : null;
        }
        if (value.length() > max) {
            c.problems.add(new EventProblem(field, Code.TOO_LONG, String.valueOf(max)));
            return null;
        }
        try {
            TextRules.requireCleanText(field, value, multiline);
        } catch (IllegalArgumentException e) {
            return problem(c, field, e.getMessage().contains("broken") ? Code.BROKEN_CHARACTER : Code.INVISIBLE_CHARACTER);
        }
        return value;
    }

    private static LocalDate date(Checked c, String field, String raw, boolean required) {
        if (raw == null || raw.isBlank()) {
            return required ? problem(c, field, Code.REQUIRED) : null;
        }
        try {
            LocalDate date = LocalDate.parse(raw.strip(), DATE);
            if (date.getYear() < 2001 || date.getYear() > 2100) {
                return problem(c, field, Code.DATE_INVALID);
            }
            return date;
        } catch (DateTimeException e) {
            return problem(c, field, Code.DATE_INVALID);
        }
    }

    private static LocalTime time(Checked c, String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return problem(c, field, Code.REQUIRED);
        }
        try {
            return LocalTime.parse(raw.strip(), TIME);
        } catch (DateTimeException e) {
            return problem(c, field, Code.TIME_INVALID);
        }
    }

    private static Integer count(Checked c, String field, Integer value) {
        if (value == null) {
            return null;
        }
        if (value < 0) {
            return problem(c, field, Code.NEGATIVE);
        }
        if (value > MAX_COUNT) {
            c.problems.add(new EventProblem(field, Code.TOO_LARGE, String.valueOf(MAX_COUNT)));
            return null;
        }
        return value;
    }
}
