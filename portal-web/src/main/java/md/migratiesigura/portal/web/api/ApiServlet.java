package md.migratiesigura.portal.web.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.http.BadMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The public JSON API under {@code /api/}: UTF-8 JSON answers, errors as {@code {"error": "…"}} with a 4xx status,
 * never a stack trace. Endpoints are registered by path ({@code v1/articles}), or by a prefix ending in a slash
 * ({@code v1/report/}) when the last segment is a parameter; each answers one method (only the job-offer check
 * takes a POST).
 */
public class ApiServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(ApiServlet.class);

    public static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private final transient Map<String, ApiEndpoint> endpoints;

    public ApiServlet(Map<String, ApiEndpoint> endpoints) {
        this.endpoints = Map.copyOf(endpoints);
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo().replaceAll("^/+|/+$", "");
        ApiEndpoint endpoint = endpoints.get(path);
        if (endpoint == null && path.lastIndexOf('/') > 0) {
            // A resource with a path parameter ("v1/report/2025") is registered under its prefix ("v1/report/").
            endpoint = endpoints.get(path.substring(0, path.lastIndexOf('/') + 1));
        }
        try {
            if (endpoint == null) {
                throw new ApiException(404, "no such resource: " + ApiRoutes.PATH + "/" + path);
            }
            if (!endpoint.method().equals(request.getMethod())) {
                response.setHeader("Allow", endpoint.method());
                throw new ApiException(405, "method " + request.getMethod() + " is not allowed here; use "
                        + endpoint.method());
            }
            write(response, 200, endpoint.handle(new ApiRequest(request, path.substring(path.lastIndexOf('/') + 1))));
        } catch (ApiException e) {
            if (e.status() == 503) {
                response.setHeader("Retry-After", "2");
            }
            write(response, e.status(), Map.of("error", e.getMessage()));
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            write(response, 400, Map.of("error", "the body is not valid JSON: " + e.getOriginalMessage() + where));
        } catch (BadMessageException e) {
            // Jetty could not read the request (a query or body that is not valid UTF-8): the client's fault.
            write(response, e.getCode() >= 400 && e.getCode() < 500 ? e.getCode() : 400,
                    Map.of("error", "the request could not be read: " + e.getReason()));
        } catch (Exception e) {
            // Never the request's content in the log: it may be a search query or answers about a job offer.
            log.error("API failure on /api/{}: {}", path, e.toString());
            write(response, 500, Map.of("error", "internal error"));
        }
    }

    private static void write(HttpServletResponse response, int status, Object body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
