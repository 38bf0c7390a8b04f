package md.migratiesigura.portal.web.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.event.EventStatus;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.common.PublicUrls;

/**
 * Events as an iCalendar object (RFC 5545), written by hand: CRLF line ends, content lines folded at 75 octets
 * without splitting a UTF-8 sequence, TEXT values escaped, local times with {@code TZID=Europe/Chisinau} and its
 * VTIMEZONE. The UID ({@code key@host}) never changes, SEQUENCE is the event's version (it grows with every save),
 * and a cancelled event stays in the feed with {@code STATUS:CANCELLED}, so subscribed calendars update.
 */
public final class ICalendar {

    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    static final String TZID = "Europe/Chisinau";
    static final int MAX_OCTETS = 75;
    private static final ZoneId ZONE = ZoneId.of(TZID);
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withZone(ZONE);
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final String ORGANIZER = "Linia Fierbinte 0 800 77777 (La Strada)";

    private final PublicUrls urls;
    private final Language language;
    private final StringBuilder out = new StringBuilder(4096);

    private ICalendar(PublicUrls urls, Language language) {
        this.urls = urls;
        this.language = language;
    }

    /** A calendar with the given events, in one language; {@code name} names it in calendar apps. */
    public static byte[] write(PublicUrls urls, Language language, String name, List<EventView> events) {
        ICalendar calendar = new ICalendar(urls, language);
        calendar.calendar(name, events);
        return calendar.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void calendar(String name, List<EventView> events) {
        line("BEGIN:VCALENDAR");
        line("VERSION:2.0");
        line("PRODID:-//La Strada Moldova//Migratie sigura portal//" + language.code().toUpperCase());
        line("CALSCALE:GREGORIAN");
        line("METHOD:PUBLISH");
        line("X-WR-CALNAME:" + text(name));
        line("X-WR-TIMEZONE:" + TZID);
        timeZone();
        for (EventView event : events) {
            event(event);
        }
        line("END:VCALENDAR");
    }

    /**
     * Europe/Chisinau since 1997: EEST from the last Sunday of March at 02:00 local time, EET from the last Sunday
     * of October at 03:00 local time (a test checks this against the JDK's time-zone rules).
     */
    private void timeZone() {
        line("BEGIN:VTIMEZONE");
        line("TZID:" + TZID);
        line("BEGIN:DAYLIGHT");
        line("TZOFFSETFROM:+0200");
        line("TZOFFSETTO:+0300");
        line("TZNAME:EEST");
        line("DTSTART:19970330T020000");
        line("RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        line("END:DAYLIGHT");
        line("BEGIN:STANDARD");
        line("TZOFFSETFROM:+0300");
        line("TZOFFSETTO:+0200");
        line("TZNAME:EET");
        line("DTSTART:19971026T030000");
        line("RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        line("END:STANDARD");
        line("END:VTIMEZONE");
    }

    private void event(EventView e) {
        String url = urls.event(language, e.key());
        line("BEGIN:VEVENT");
        line("UID:" + e.key() + "@" + urls.host());
        line("DTSTAMP:" + UTC.format(e.updatedAt()));
        line("CREATED:" + UTC.format(e.createdAt()));
        line("LAST-MODIFIED:" + UTC.format(e.updatedAt()));
        line("SEQUENCE:" + e.version());
        line("DTSTART;TZID=" + TZID + ":" + LOCAL.format(e.start()));
        line("DTEND;TZID=" + TZID + ":" + LOCAL.format(endOf(e)));
        line("SUMMARY:" + text(e.title(language)));
        String description = MARKDOWN.toPlainText(e.description(language)).strip();
        line("DESCRIPTION:" + text(description.isEmpty() ? url : description + "\n\n" + url));
        line("LOCATION:" + text(location(e)));
        line("URL:" + url);
        // METHOD:PUBLISH requires an organizer (RFC 5546 §3.2.1): the hotline's address from its factsheet.
        line("ORGANIZER;CN=\"" + ORGANIZER + "\":mailto:hotline@lastrada.md");
        line("STATUS:" + (e.status() == EventStatus.CANCELLED ? "CANCELLED" : "CONFIRMED"));
        line("TRANSP:OPAQUE");
        line("END:VEVENT");
    }

    /** DTEND must be after DTSTART (RFC 5545 §3.6.1); an event recorded with no duration lasts an hour. */
    private static Instant endOf(EventView e) {
        return e.end().isAfter(e.start()) ? e.end() : e.start().plusSeconds(3600);
    }

    private String location(EventView e) {
        List<String> parts = new ArrayList<>();
        if (e.venue() != null) {
            parts.add(e.venue());
        }
        parts.add(e.locality());
        if (!e.district().name(language).contains(e.locality())) {
            parts.add(e.district().name(language));
        }
        return String.join(", ", parts);
    }

    /** TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks; other controls dropped. */
    static String text(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        String normalized = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            switch (c) {
                case '\\' -> escaped.append("\\\\");
                case ';' -> escaped.append("\\;");
                case ',' -> escaped.append("\\,");
                case '\n' -> escaped.append("\\n");
                default -> {
                    if (c >= 0x20 && c != 0x7f || c == '\t') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }

    /** One content line, folded so that no line exceeds 75 octets and no UTF-8 sequence is split (§3.1). */
    private void line(String content) {
        fold(out, content);
    }

    static void fold(StringBuilder out, String content) {
        int octets = 0;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (octets + size > MAX_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
