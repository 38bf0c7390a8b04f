package md.migratiesigura.portal.web.event;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.event.EventView;

/** How an event's time and place read, in the reader's language and Chisinau time. */
public final class EventTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private EventTexts() {
    }

    /** "12 martie 2025, 10:00–11:30"; across days "12 martie 2025, 10:00 – 14 martie 2025, 17:00". */
    public static String when(EventView e, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale);
        ZonedDateTime start = e.start().atZone(PortalTime.ZONE);
        ZonedDateTime end = e.end().atZone(PortalTime.ZONE);
        if (start.toLocalDate().equals(end.toLocalDate())) {
            return date.format(start) + ", " + TIME.format(start) + "–" + TIME.format(end);
        }
        return date.format(start) + ", " + TIME.format(start) + " – " + date.format(end) + ", " + TIME.format(end);
    }

    /** Venue, locality and district, without repeating a district named like its town. */
    public static String place(EventView e, Language language) {
        List<String> parts = new ArrayList<>();
        if (e.venue() != null) {
            parts.add(e.venue());
        }
        parts.add(e.locality());
        String district = e.district().name(language);
        if (!district.contains(e.locality())) {
            parts.add(district);
        }
        return String.join(", ", parts);
    }

    /** The ISO date-time with offset, for {@code <time datetime>} and JSON-LD. */
    public static String iso(Instant instant) {
        return instant.atZone(PortalTime.ZONE).toOffsetDateTime().toString();
    }
}
