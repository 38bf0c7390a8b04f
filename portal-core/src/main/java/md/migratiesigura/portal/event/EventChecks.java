package md.migratiesigura.portal.event;

import static md.migratiesigura.portal.event.EventService.DATE;
import static md.migratiesigura.portal.event.EventService.MAX_COUNT;
import static md.migratiesigura.portal.event.EventService.MAX_DESCRIPTION;
import static md.migratiesigura.portal.event.EventService.MAX_LOCALITY;
import static md.migratiesigura.portal.event.EventService.MAX_PARTNERS;
import static md.migratiesigura.portal.event.EventService.MAX_PHOTOS;
import static md.migratiesigura.portal.event.EventService.MAX_TITLE;
import static md.migratiesigura.portal.event.EventService.MAX_VENUE;
import static md.migratiesigura.portal.event.EventService.TIME;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.content.TextRules;
import md.migratiesigura.portal.event.EventProblem.Code;
import md.migratiesigura.portal.media.MediaImage;
import org.hibernate.Session;

/**
 * What a trainer's event draft must satisfy before it is written: texts, dates and times in Chisinau, district,
 * audiences, counts that only a past event can have, photos that exist. Every problem is reported at once.
 */
final class EventChecks {

    private EventChecks() {
    }

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
            c.start = ZonedDateTime.of(LocalDateTime.of(startDate, startTime), PortalTime.ZONE).toInstant();
            LocalDate effectiveEnd = endDate != null ? endDate : startDate;
            boolean endDateOk = endDate != null || d.endDate() == null || d.endDate().isBlank();
            if (endTime != null && endDateOk) {
                c.end = ZonedDateTime.of(LocalDateTime.of(effectiveEnd, endTime), PortalTime.ZONE).toInstant();
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
