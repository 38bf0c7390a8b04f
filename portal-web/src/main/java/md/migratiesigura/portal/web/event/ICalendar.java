package md.migratiesigura.portal.web.event;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.content.MarkdownRenderer;
import md.migratiesigura.portal.event.EventStatus;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.common.PublicUrls;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.Created;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.util.Strings;

/**
 * Events as an iCalendar object (RFC 5545), built with ical4j: TEXT values escaped, local times with
 * {@code TZID=Europe/Chisinau} and its VTIMEZONE, CRLF line ends. The UID ({@code key@host}) never changes, SEQUENCE
 * is the event's version (it grows with every save), and a cancelled event stays in the feed with
 * {@code STATUS:CANCELLED}, so subscribed calendars update. Content lines are folded here, at 75 octets without
 * splitting a UTF-8 sequence: ical4j folds at 75 characters, up to 150 octets of Cyrillic.
 */
public final class ICalendar {

    public static final String CONTENT_TYPE = "text/calendar; charset=utf-8";
    static final String TZID = "Europe/Chisinau";
    static final int MAX_OCTETS = 75;
    private static final ZoneId ZONE = ZoneId.of(TZID);
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();
    private static final String ORGANIZER = "Linia Fierbinte 0 800 77777 (La Strada)";
    private static final URI ORGANIZER_ADDRESS = URI.create("mailto:hotline@lastrada.md");

    private final PublicUrls urls;
    private final Language language;

    private ICalendar(PublicUrls urls, Language language) {
        this.urls = urls;
        this.language = language;
    }

    /** A calendar with the given events, in one language; {@code name} names it in calendar apps. */
    public static byte[] write(PublicUrls urls, Language language, String name, List<EventView> events) {
        Calendar calendar = new ICalendar(urls, language).calendar(name, events);
        StringBuilder out = new StringBuilder(4096);
        // ical4j writes each content line whole, ending in CRLF; values never hold a bare line break (TEXT escapes them).
        for (String line : calendar.toString().split("\r\n")) {
            fold(out, line);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Calendar calendar(String name, List<EventView> events) {
        Calendar calendar = new Calendar()
                .withProperty(ImmutableVersion.VERSION_2_0)
                .withProdId("-//La Strada Moldova//Migratie sigura portal//" + language.code().toUpperCase())
                .withProperty(ImmutableCalScale.GREGORIAN)
                .withProperty(ImmutableMethod.PUBLISH)
                .withProperty(new XProperty("X-WR-CALNAME", clean(name)))
                .withProperty(new XProperty("X-WR-TIMEZONE", TZID))
                .withComponent(ChisinauTimeZone.vtimezone())
                .getFluentTarget();
        for (EventView event : events) {
            calendar.add(event(event));
        }
        return calendar;
    }

    private VEvent event(EventView e) {
        String url = urls.event(language, e.key());
        String description = MARKDOWN.toPlainText(e.description(language)).strip();
        VEvent event = new VEvent(false);
        event.add(new Uid(e.key() + "@" + urls.host()));
        event.add(new DtStamp(e.updatedAt()));
        event.add(new Created(e.createdAt()));
        event.add(new LastModified(e.updatedAt()));
        event.add(new Sequence(e.version()));
        event.add(new DtStart<>(inChisinau(), LocalDateTime.ofInstant(e.start(), ZONE)));
        event.add(new DtEnd<>(inChisinau(), LocalDateTime.ofInstant(endOf(e), ZONE)));
        event.add(new Summary(clean(e.title(language))));
        event.add(new Description(clean(description.isEmpty() ? url : description + "\n\n" + url)));
        event.add(new Location(clean(location(e))));
        event.add(new Url(URI.create(url)));
        // METHOD:PUBLISH requires an organizer (RFC 5546 §3.2.1): the hotline's address from its factsheet.
        event.add(new Organizer(new ParameterList(List.of(new Cn(ORGANIZER))), ORGANIZER_ADDRESS));
        event.add(e.status() == EventStatus.CANCELLED ? ImmutableStatus.VEVENT_CANCELLED : ImmutableStatus.VEVENT_CONFIRMED);
        event.add(ImmutableTransp.OPAQUE);
        return event;
    }

    /** The TZID parameter of a local time: the VTIMEZONE above defines it. */
    private static ParameterList inChisinau() {
        return new ParameterList(List.of(new TzId(TZID)));
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

    /** TEXT escaping (RFC 5545 §3.3.11) as ical4j writes it: backslash, semicolon, comma and line breaks. */
    static String text(String value) {
        return Strings.escape(clean(value));
    }

    /** Line breaks as {@code \n}, which TEXT escaping turns into {@code \\n}; other control characters dropped. */
    private static String clean(String value) {
        StringBuilder cleaned = new StringBuilder(value.length());
        String normalized = value.replace("\r\n", "\n").replace('\r', '\n');
        for (int i = 0; i < normalized.length(); i++) {
            char c = normalized.charAt(i);
            if (c >= 0x20 && c != 0x7f || c == '\t' || c == '\n') {
                cleaned.append(c);
            }
        }
        return cleaned.toString();
    }

    /** One content line, folded so that no line exceeds 75 octets and no UTF-8 sequence is split (§3.1). */
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
