package md.migratiesigura.portal.web.common;

import java.util.List;
import java.util.Locale;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.admin.AdminRoutes;
import org.apache.wicket.request.IRequestCycle;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.IRequestMapper;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.Url;
import org.apache.wicket.request.http.WebRequest;
import org.apache.wicket.request.http.WebResponse;

/**
 * Sends {@code /} to {@code /ro/} or {@code /ru/} by the browser's {@code Accept-Language}, Romanian by default, and
 * {@code /ro}, {@code /ru} or {@code /admin} to the same with its slash.
 */
public class RootRedirectMapper implements IRequestMapper {

    @Override
    public IRequestHandler mapRequest(Request request) {
        List<String> segments = request.getUrl().getSegments();
        if (segments.size() == 1 && List.of(Language.RO.code(), Language.RU.code(), AdminRoutes.SEGMENT).contains(segments.get(0))) {
            return new Redirect("/" + segments.get(0) + "/");
        }
        boolean root = segments.isEmpty() || (segments.size() == 1 && segments.get(0).isEmpty());
        if (!root) {
            return null;
        }
        String header = request instanceof WebRequest web ? web.getHeader("Accept-Language") : null;
        return new Redirect("/" + preferredLanguage(header) + "/");
    }

    /** "ro" or "ru", whichever the header prefers; "ro" when it names neither or cannot be read. */
    public static String preferredLanguage(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank() || acceptLanguage.length() > 500) {
            return "ro";
        }
        try {
            List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(acceptLanguage);
            String match = Locale.lookupTag(ranges, List.of("ro", "ru"));
            return "ru".equals(match) ? "ru" : "ro";
        } catch (IllegalArgumentException e) {
            return "ro";
        }
    }

    @Override
    public int getCompatibilityScore(Request request) {
        return Integer.MAX_VALUE;
    }

    @Override
    public Url mapHandler(IRequestHandler requestHandler) {
        return null;
    }

    private record Redirect(String location) implements IRequestHandler {
        @Override
        public void respond(IRequestCycle requestCycle) {
            WebResponse response = (WebResponse) requestCycle.getResponse();
            response.setHeader("Vary", "Accept-Language");
            response.setHeader("Cache-Control", "no-cache");
            response.sendRedirect(location);
        }
    }
}
