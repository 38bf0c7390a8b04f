package md.migratiesigura.portal.web.event;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.Daylight;
import net.fortuna.ical4j.model.component.Observance;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.RRule;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;

/**
 * The calendar feeds' one VTIMEZONE, in a class of its own because its TZID property and the TZID parameter of
 * {@link ICalendar}'s dates are two ical4j classes of the same name.
 */
final class ChisinauTimeZone {

    private ChisinauTimeZone() {
    }

    /**
     * Europe/Chisinau since 1997: EEST from the last Sunday of March at 02:00 local time, EET from the last Sunday
     * of October at 03:00 local time (a test checks this against the JDK's time-zone rules). Written out rather than
     * taken from ical4j's time-zone registry, whose definition lists every change since 1880.
     */
    static VTimeZone vtimezone() {
        Observance summer = observance(new Daylight(), "+0200", "+0300", "EEST",
                LocalDateTime.of(1997, 3, 30, 2, 0), "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU");
        Observance winter = observance(new Standard(), "+0300", "+0200", "EET",
                LocalDateTime.of(1997, 10, 26, 3, 0), "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU");
        return new VTimeZone(new PropertyList(List.of(new TzId(ICalendar.TZID))),
                new ComponentList<>(List.of(summer, winter)));
    }

    private static Observance observance(Observance observance, String from, String to, String name,
                                         LocalDateTime start, String rule) {
        observance.add(new TzOffsetFrom(ZoneOffset.of(from)));
        observance.add(new TzOffsetTo(ZoneOffset.of(to)));
        observance.add(new TzName(name));
        observance.add(new DtStart<>(start));
        observance.add(new RRule<>(rule));
        return observance;
    }
}
