package md.migratiesigura.portal.web.event;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.Temporal;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.event.Audience;
import md.migratiesigura.portal.event.District;
import md.migratiesigura.portal.event.EventStatus;
import md.migratiesigura.portal.event.EventType;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.common.PublicUrls;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.Test;

/** The iCalendar output byte by byte against RFC 5545, and parsed back by ical4j. */
class ICalendarTest {

    private static final PublicUrls URLS = new PublicUrls("https://migratiesigura.md");
    /** Long Cyrillic with a 4-byte emoji, escapable characters and a line break: folding and escaping at once. */
    private static final String TRICKY = "Занятие в лицее «Ион Крянгэ»; торговля людьми, риски\\права \uD83D\uDE00 и "
            + "ещё немного текста,\nвторая строка";

    private static EventView event(String key, EventStatus status, String title, int version) {
        return new EventView(key, EventType.SCHOOL_SESSION, status, Instant.parse("2025-03-12T08:00:00Z"),
                Instant.parse("2025-03-12T09:30:00Z"), District.byKey("criuleni").orElseThrow(), "Criuleni",
                "Liceul Teoretic „Ion Creangă”", List.of(Audience.PUPILS), "IOM", 45, 120, List.of(), title,
                title, "Despre *contracte*; semne, riscuri.", "О *контрактах*.", "", "",
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-13T10:00:00Z"), version, false);
    }

    private static byte[] calendar(Language language, EventView... events) {
        return ICalendar.write(URLS, language, "Migrație sigură: evenimente", List.of(events));
    }

    /** The physical lines, each without its CRLF; fails on a bare CR or LF. */
    private static List<byte[]> physicalLines(byte[] bytes) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                assertTrue(i > 0 && bytes[i - 1] == '\r', "LF without CR at byte " + i);
                byte[] line = new byte[i - 1 - start];
                System.arraycopy(bytes, start, line, 0, line.length);
                lines.add(line);
                start = i + 1;
            } else if (bytes[i] == '\r') {
                assertTrue(i + 1 < bytes.length && bytes[i + 1] == '\n', "CR without LF at byte " + i);
            }
        }
        assertEquals(bytes.length, start, "the last line ends with CRLF");
        return lines;
    }

    @Test
    void everyLineEndsWithCrlfIsAtMost75OctetsAndHoldsOnlyWholeUtf8Sequences() throws Exception {
        byte[] bytes = calendar(Language.RU, event("lung-2025-03-12", EventStatus.HELD, TRICKY + " " + TRICKY, 3));
        List<byte[]> lines = physicalLines(bytes);
        boolean folded = false;
        for (byte[] line : lines) {
            assertTrue(line.length <= 75, "a line of " + line.length + " octets: " + new String(line, StandardCharsets.UTF_8));
            // Strict decoding fails if a fold had split a multi-byte character.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line));
            folded |= line.length > 0 && line[0] == ' ';
        }
        assertTrue(folded, "the long summary was folded");
        assertTrue(new String(bytes, StandardCharsets.UTF_8).startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    }

    @Test
    void foldingCutsBeforeAMultiByteCharacterThatWouldCross75Octets() throws CharacterCodingException {
        StringBuilder out = new StringBuilder();
        // 73 ASCII octets, then "ă" (2 octets) fits exactly at 75, then "ш" goes to the next line.
        ICalendar.fold(out, "A".repeat(73) + "ăш");
        assertEquals("A".repeat(73) + "ă\r\n ш\r\n", out.toString());
        out.setLength(0);
        // 74 ASCII octets: the 3-octet "€" would make 77, so it starts the continuation line.
        ICalendar.fold(out, "B".repeat(74) + "€");
        assertEquals("B".repeat(74) + "\r\n €\r\n", out.toString());
        out.setLength(0);
        // A 4-octet emoji (a surrogate pair in Java) is never split.
        ICalendar.fold(out, "C".repeat(72) + "\uD83D\uDE00");
        assertEquals("C".repeat(72) + "\r\n \uD83D\uDE00\r\n", out.toString());
        out.setLength(0);
        ICalendar.fold(out, "D".repeat(75));
        assertEquals("D".repeat(75) + "\r\n", out.toString(), "exactly 75 octets stay on one line");
        out.setLength(0);
        ICalendar.fold(out, "E".repeat(200));
        String[] lines = out.toString().split("\r\n");
        assertEquals(75, lines[0].length());
        assertEquals(75, lines[1].length(), "a continuation line's space counts too");
        assertEquals(" " + "E".repeat(51), lines[2], "75 + 74 + 51 = 200");
    }

    @Test
    void textValuesEscapeBackslashSemicolonCommaAndNewlines() {
        assertEquals("a\\\\b\\;c\\,d\\ne\\nf", ICalendar.text("a\\b;c,d\ne\r\nf"));
        assertEquals("fără control", ICalendar.text("fără\u0007 control"));
        String ics = new String(calendar(Language.RO, event("semne-2025-03-12", EventStatus.HELD, "Semne; riscuri, drepturi", 0)),
                StandardCharsets.UTF_8);
        assertTrue(ics.contains("\r\nSUMMARY:Semne\\; riscuri\\, drepturi\r\n"), ics);
        assertTrue(ics.contains("\r\nLOCATION:Liceul Teoretic „Ion Creangă”\\, Criuleni\r\n"), ics);
    }

    @Test
    void ical4jReadsBackTheEventsWithTheirZoneStableUidSequenceAndCancellation() throws Exception {
        byte[] bytes = calendar(Language.RU, event("sesiune-2025-03-12", EventStatus.HELD, TRICKY, 2),
                event("anulat-2025-03-12", EventStatus.CANCELLED, "Anulat", 5));
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(bytes));
        assertFalse(calendar.validate().hasErrors(), calendar.validate().toString());
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertEquals(2, events.size());
        VEvent first = events.get(0);
        assertEquals("sesiune-2025-03-12@migratiesigura.md", first.getRequiredProperty(Property.UID).getValue());
        assertEquals(TRICKY, first.getRequiredProperty(Property.SUMMARY).getValue(), "unfolded and unescaped intact");
        assertEquals("2", first.getRequiredProperty(Property.SEQUENCE).getValue());
        DtStart<Temporal> start = first.getRequiredProperty(Property.DTSTART);
        assertEquals("Europe/Chisinau", start.getRequiredParameter("TZID").getValue());
        assertEquals("20250312T100000", start.getValue(), "10:00 local time");
        assertEquals("CONFIRMED", first.getRequiredProperty(Property.STATUS).getValue());
        assertEquals("https://migratiesigura.md/ru/sobytiya/sesiune-2025-03-12",
                first.getRequiredProperty(Property.URL).getValue());
        assertEquals("CANCELLED", events.get(1).getRequiredProperty(Property.STATUS).getValue());
        assertEquals("5", events.get(1).getRequiredProperty(Property.SEQUENCE).getValue());
    }

    @Test
    void theUidStaysAndTheSequenceGrowsWhenTheEventIsEdited() throws Exception {
        VEvent before = only(calendar(Language.RO, event("k-2025-03-12", EventStatus.PLANNED, "Titlu", 0)));
        VEvent after = only(calendar(Language.RO, event("k-2025-03-12", EventStatus.CANCELLED, "Titlu nou", 1)));
        assertEquals(before.getRequiredProperty(Property.UID).getValue(), after.getRequiredProperty(Property.UID).getValue());
        assertTrue(Integer.parseInt(after.getRequiredProperty(Property.SEQUENCE).getValue())
                > Integer.parseInt(before.getRequiredProperty(Property.SEQUENCE).getValue()));
    }

    private static VEvent only(byte[] bytes) throws Exception {
        List<VEvent> events = new CalendarBuilder().build(new ByteArrayInputStream(bytes)).getComponents(Component.VEVENT);
        assertEquals(1, events.size());
        return events.get(0);
    }

    /**
     * Each observance of the VTIMEZONE (its offsets, its DTSTART's local time, its RRULE's month and "last Sunday")
     * gives the same transitions as the JDK's rules for Europe/Chisinau, every year 2024–2035. (ical4j's own
     * TimeZone adapter misplaces onsets by hours, so the rule is evaluated here.)
     */
    @Test
    void theVtimezoneGivesTheJdkTransitionsForEuropeChisinau() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(calendar(Language.RO)));
        VTimeZone vtimezone = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).get(0);
        assertEquals("Europe/Chisinau", vtimezone.getRequiredProperty(Property.TZID).getValue());
        ZoneRules jdk = ZoneId.of("Europe/Chisinau").getRules();
        List<Observance> observances = vtimezone.getObservances();
        assertEquals(2, observances.size());
        for (Observance o : observances) {
            ZoneOffset from = ZoneOffset.of(o.getRequiredProperty(Property.TZOFFSETFROM).getValue());
            ZoneOffset to = ZoneOffset.of(o.getRequiredProperty(Property.TZOFFSETTO).getValue());
            LocalTime at = LocalDateTime.parse(o.getRequiredProperty(Property.DTSTART).getValue(),
                    DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")).toLocalTime();
            String rule = o.getRequiredProperty(Property.RRULE).getValue();
            assertTrue(rule.contains("BYDAY=-1SU"), rule);
            Month month = Month.of(Integer.parseInt(rule.replaceAll(".*BYMONTH=(\\d+).*", "$1")));
            for (int year = 2024; year <= 2035; year++) {
                LocalDate lastSunday = LocalDate.of(year, month, 1).with(TemporalAdjusters.lastInMonth(DayOfWeek.SUNDAY));
                Instant onset = LocalDateTime.of(lastSunday, at).toInstant(from);
                ZoneOffsetTransition transition = jdk.nextTransition(onset.minusSeconds(1));
                assertEquals(onset, transition.getInstant(), o.getName() + " " + year);
                assertEquals(from, transition.getOffsetBefore());
                assertEquals(to, transition.getOffsetAfter());
            }
        }
    }

    /**
     * portal.jar leaves out ical4j's time-zone definitions (see the shade filter in portal-web/pom.xml): a feed
     * written where they cannot be found is the same, byte for byte.
     */
    @Test
    void aFeedIsWrittenWithoutIcal4jsTimeZoneDefinitions() throws Exception {
        ClassLoader withoutZones = new WithoutZoneinfo(ICalendarTest.class.getClassLoader());
        @SuppressWarnings("unchecked")
        Supplier<byte[]> isolated = (Supplier<byte[]>) withoutZones.loadClass(SampleFeed.class.getName())
                .getDeclaredConstructor().newInstance();
        assertEquals(withoutZones, isolated.getClass().getClassLoader(), "ical4j and ICalendar loaded anew");
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(withoutZones);
        try {
            assertArrayEquals(new SampleFeed().get(), isolated.get());
        } finally {
            thread.setContextClassLoader(context);
        }
    }

    /** A feed with a tricky event, as bytes: a type the JDK's loader shares with any other loader. */
    public static final class SampleFeed implements Supplier<byte[]> {
        @Override
        public byte[] get() {
            return calendar(Language.RU, event("sesiune-2025-03-12", EventStatus.HELD, TRICKY, 2));
        }
    }

    /** Loads the portal's and ical4j's classes itself, and finds no {@code zoneinfo/} resource. */
    private static final class WithoutZoneinfo extends ClassLoader {

        private final ClassLoader classpath;

        WithoutZoneinfo(ClassLoader classpath) {
            super(ClassLoader.getPlatformClassLoader());
            this.classpath = classpath;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null && (name.startsWith("net.fortuna.ical4j.") || name.startsWith("md.migratiesigura."))) {
                    loaded = own(name);
                }
                return loaded != null ? loaded : classpath.loadClass(name);
            }
        }

        private Class<?> own(String name) throws ClassNotFoundException {
            try (InputStream in = classpath.getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new ClassNotFoundException(name);
                }
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }

        @Override
        public URL getResource(String name) {
            return name.startsWith("zoneinfo/") ? null : classpath.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            return name.startsWith("zoneinfo/") ? Collections.emptyEnumeration() : classpath.getResources(name);
        }
    }

    @Test
    void anEmptyCalendarIsStillValid() throws Exception {
        byte[] bytes = calendar(Language.RO);
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(bytes));
        assertEquals(0, calendar.getComponents(Component.VEVENT).size());
        assertArrayEquals(bytes, calendar(Language.RO), "the same input gives the same bytes");
    }
}
