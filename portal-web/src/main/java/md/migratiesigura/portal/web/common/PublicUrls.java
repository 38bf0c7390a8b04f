package md.migratiesigura.portal.web.common;

import java.net.URI;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.event.EventRoutes;

/**
 * The portal's public base address, for what is written outside a Wicket request or read outside the portal (the
 * API, feeds, the sitemap, canonical links): it makes absolute addresses of the paths the features' {@code *Routes}
 * classes build.
 */
public final class PublicUrls {

    private final String base;

    public PublicUrls(String baseUrl) {
        this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The absolute address of a path that starts with a slash. */
    public String absolute(String path) {
        return base + path;
    }

    /** One event's public page. {@code ICalendar} reads it here; elsewhere use {@link EventRoutes#event}. */
    public String event(Language language, String key) {
        return absolute(EventRoutes.event(language, key));
    }

    /** The host of the public address, for iCalendar UIDs ({@code key@host}). */
    public String host() {
        return URI.create(base).getHost();
    }
}
