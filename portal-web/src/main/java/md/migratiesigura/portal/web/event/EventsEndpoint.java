package md.migratiesigura.portal.web.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.PortalTime;
import md.migratiesigura.portal.event.EventService;
import md.migratiesigura.portal.event.EventType;
import md.migratiesigura.portal.event.EventView;
import md.migratiesigura.portal.web.api.ApiEndpoint;
import md.migratiesigura.portal.web.api.ApiException;
import md.migratiesigura.portal.web.api.ApiRequest;
import md.migratiesigura.portal.web.common.PublicUrls;

/**
 * {@code GET /api/v1/events?lang=&from=&to=&type=}: events that overlap the dates {@code from}…{@code to}
 * (inclusive, Chisinau days, {@code 2025-03-01}), by start: {@code {"items": [{"key","type","start","end","raion",
 * "locality","title","url","status"}]}}. Times carry their offset ({@code 2025-03-12T10:00+02:00}).
 */
public class EventsEndpoint implements ApiEndpoint {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);

    private final EventService events;
    private final PublicUrls urls;

    public EventsEndpoint(EventService events, PublicUrls urls) {
        this.events = events;
        this.urls = urls;
    }

    @Override
    public Object handle(ApiRequest request) {
        Language language = request.language();
        Optional<LocalDate> from = date(request, "from");
        Optional<LocalDate> to = date(request, "to");
        if (from.isPresent() && to.isPresent() && to.get().isBefore(from.get())) {
            throw ApiException.badRequest("to must not be before from");
        }
        EventType type = request.parameter("type").map(code -> EventType.ofCode(code).orElseThrow(() ->
                ApiException.badRequest("type must be one of school-session, exhibition, campaign, training, media,"
                        + " community"))).orElse(null);
        Instant start = from.map(d -> d.atStartOfDay(PortalTime.ZONE).toInstant()).orElse(null);
        Instant end = to.map(d -> d.plusDays(1).atStartOfDay(PortalTime.ZONE).toInstant()).orElse(null);
        List<Item> items = events.between(start, end, type).stream().map(e -> item(e, language)).toList();
        return Map.of("items", items);
    }

    private static Optional<LocalDate> date(ApiRequest request, String name) {
        return request.parameter(name).map(text -> {
            try {
                LocalDate date = LocalDate.parse(text, DATE);
                if (date.getYear() < 2001 || date.getYear() > 2100) {
                    throw ApiException.badRequest(name + " must be a date between 2001 and 2100");
                }
                return date;
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest(name + " must be a date such as 2025-03-01");
            }
        });
    }

    private Item item(EventView e, Language language) {
        return new Item(e.key(), e.type().code(), offset(e.start()), offset(e.end()), e.district().name(language),
                e.locality(), e.title(language), urls.absolute(EventRoutes.event(language, e.key())), e.status().code());
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant.atZone(PortalTime.ZONE).toOffsetDateTime();
    }

    record Item(String key, String type, OffsetDateTime start, OffsetDateTime end, String raion, String locality,
                String title, String url, String status) {
    }
}
