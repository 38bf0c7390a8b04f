package md.migratiesigura.portal.web.event;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LocalizedPath;
import org.apache.wicket.protocol.http.WebApplication;

/**
 * The events' addresses: the listing and one event's page, their iCalendar files beside them (served before Wicket
 * by {@link EventCalendarFilter}), the trainers' pages and the API resource.
 */
public final class EventRoutes {

    private static final LocalizedPath EVENTS = new LocalizedPath("/ro/evenimente", "/ru/sobytiya");
    /** {@link EventsEndpoint}, below the API's path. */
    public static final String API = "v1/events";
    /** A calendar file: group 1 is the listing's path, group 2 the event's key (none for the whole feed). */
    static final Pattern CALENDAR = Pattern.compile("(" + Pattern.quote(EVENTS.ro()) + "|" + Pattern.quote(EVENTS.ru())
            + ")(?:\\.ics|/([a-z0-9-]{1,100})\\.ics)");

    private EventRoutes() {
    }

    public static void mount(WebApplication application) {
        EVENTS.mount(application, "", EventsPage.class);
        EVENTS.mount(application, "/${id}", EventPage.class);
        application.mount(new ExactMountedMapper("/admin/events", EventsAdminPage.class));
        application.mount(new ExactMountedMapper("/admin/events/new", NewEventPage.class));
        application.mount(new ExactMountedMapper("/admin/events/${key}", EventEditPage.class));
    }

    /** The listing: {@code /ro/evenimente}, {@code /ru/sobytiya}. */
    public static String events(Language language) {
        return EVENTS.in(language);
    }

    public static String event(Language language, String key) {
        return events(language) + "/" + key;
    }

    /** The subscribable calendar of a language: {@code /ro/evenimente.ics}. */
    public static String calendar(Language language) {
        return events(language) + ".ics";
    }

    /** One event's calendar file: {@code /ro/evenimente/{key}.ics}. */
    public static String eventCalendar(Language language, String key) {
        return event(language, key) + ".ics";
    }

    /** Where {@link EventCalendarFilter} looks for calendar files: beside and below each listing. */
    public static List<String> calendarFilterPaths() {
        List<String> paths = new ArrayList<>(EVENTS.all(".ics"));
        paths.addAll(EVENTS.all("/*"));
        return paths;
    }

    /** The language of a path that {@link #CALENDAR} matched. */
    static Language languageOfCalendar(String listing) {
        return listing.equals(EVENTS.ru()) ? Language.RU : Language.RO;
    }
}
