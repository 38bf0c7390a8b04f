package md.migratiesigura.portal.web.event;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.event.EventService;
import md.migratiesigura.portal.event.EventType;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.home.HomeRoutes;

/**
 * The events' iCalendar files, before Wicket: {@code /ro/evenimente.ics} and {@code /ru/sobytiya.ics} (every event of
 * the last year and all to come, optionally {@code ?type=school-session}), and {@code /ro/evenimente/{key}.ics} for
 * one event. Everything else under those paths goes on to Wicket. No session, no cookie; the visit counter counts
 * only HTML pages, so calendar apps polling the feed are not visits.
 */
public class EventCalendarFilter implements Filter {

    static final Duration FEED_PAST = Duration.ofDays(366);

    private final EventService events;
    private final PublicUrls urls;

    public EventCalendarFilter(EventService events, PublicUrls urls) {
        this.events = events;
        this.urls = urls;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.endsWith(".ics")) {
            chain.doFilter(req, res);
            return;
        }
        Matcher matcher = EventRoutes.CALENDAR.matcher(path);
        if (!matcher.matches()) {
            Language language = path.startsWith(HomeRoutes.home(Language.RU)) ? Language.RU : Language.RO;
            plain(response, 404, language == Language.RO ? "Calendarul nu există." : "Такого календаря нет.");
            return;
        }
        Language language = EventRoutes.languageOfCalendar(matcher.group(1));
        if (!"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())) {
            response.setHeader("Allow", "GET, HEAD");
            plain(response, 405, "GET");
            return;
        }
        byte[] body;
        String key = matcher.group(2);
        if (key != null) {
            Optional<EventView> event = events.find(key);
            if (event.isEmpty()) {
                plain(response, 404, language == Language.RO ? "Evenimentul nu există." : "Такого события нет.");
                return;
            }
            body = ICalendar.write(urls, language, event.get().title(language), List.of(event.get()));
            response.setHeader("Content-Disposition", "attachment; filename=\"" + key + ".ics\"");
        } else {
            String typeCode = request.getParameter("type");
            EventType type = null;
            if (typeCode != null && !typeCode.isEmpty()) {
                type = EventType.ofCode(typeCode).orElse(null);
                if (type == null) {
                    plain(response, 400, language == Language.RO
                            ? "Tip necunoscut: alegeți school-session, exhibition, campaign, training, media sau community."
                            : "Неизвестный тип: выберите school-session, exhibition, campaign, training, media или community.");
                    return;
                }
            }
            String name = language == Language.RO ? "Migrație sigură: evenimente" : "Безопасная миграция: события";
            body = ICalendar.write(urls, language, name, events.between(Instant.now().minus(FEED_PAST), null, type));
        }
        response.setStatus(200);
        response.setContentType(ICalendar.CONTENT_TYPE);
        response.setHeader("Cache-Control", "public, max-age=300");
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    private static void plain(HttpServletResponse response, int status, String message) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain; charset=utf-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write((message + "\n").getBytes(StandardCharsets.UTF_8));
    }
}
