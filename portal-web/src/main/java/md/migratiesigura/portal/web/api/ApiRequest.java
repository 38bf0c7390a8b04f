package md.migratiesigura.portal.web.api;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;

/** What an endpoint reads from a request, each getter validating and refusing bad input with a 400. */
public final class ApiRequest {

    static final int MAX_BODY_BYTES = 64 * 1024;

    private final HttpServletRequest request;
    private final String lastSegment;

    ApiRequest(HttpServletRequest request, String lastSegment) {
        this.request = request;
        this.lastSegment = lastSegment;
    }

    /** The last path segment: the parameter of a resource registered by prefix ({@code 2025} of {@code v1/report/2025}). */
    public String lastSegment() {
        return lastSegment;
    }

    public String method() {
        return request.getMethod();
    }

    public Optional<String> parameter(String name) {
        String value = request.getParameter(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** The {@code lang} parameter: "ro" or "ru"; Romanian when absent. */
    public Language language() {
        Optional<String> code = parameter("lang");
        if (code.isEmpty()) {
            return Language.RO;
        }
        return Language.ofCode(code.get()).orElseThrow(() -> ApiException.badRequest("lang must be 'ro' or 'ru'"));
    }

    /** A whole-number parameter within bounds, or the default when absent. */
    public int intParameter(String name, int defaultValue, int min, int max) {
        Optional<String> value = parameter(name);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number < min || number > max) {
                throw ApiException.badRequest(name + " must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(name + " must be a whole number between " + min + " and " + max);
        }
    }

    /** The request body, at most 64 KB, which must be JSON. */
    public byte[] jsonBody() throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "the body must be application/json");
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
            if (body.length > MAX_BODY_BYTES) {
                throw new ApiException(413, "the body must be at most " + MAX_BODY_BYTES + " bytes");
            }
            return body;
        }
    }
}
