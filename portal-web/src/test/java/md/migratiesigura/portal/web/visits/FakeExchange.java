package md.migratiesigura.portal.web.visits;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.TreeMap;

/** A minimal request and response for running the filter outside a server, as a log line describes them. */
final class FakeExchange {

    final HttpServletRequest request;
    final HttpServletResponse response;
    private int status = 200;
    private String contentType;

    FakeExchange(String remoteAddress, String method, String path, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getRemoteAddr" -> remoteAddress;
                    case "getMethod" -> method;
                    case "getRequestURI" -> path;
                    case "getHeader" -> byName.get((String) args[0]);
                    default -> throw new UnsupportedOperationException(m.getName());
                });
        response = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "setStatus" -> {
                        status = (Integer) args[0];
                        yield null;
                    }
                    case "getStatus" -> status;
                    case "setContentType" -> {
                        contentType = (String) args[0];
                        yield null;
                    }
                    case "getContentType" -> contentType;
                    default -> throw new UnsupportedOperationException(m.getName());
                });
    }

    /** What the portal answers at such a path: the status given, and the content type its servlets would send. */
    void answer(int answerStatus) {
        status = answerStatus;
        String path = request.getRequestURI();
        if (path.startsWith("/wicket/resource/")) {
            contentType = path.endsWith(".css") ? "text/css" : "text/javascript";
        } else if (path.endsWith(".atom")) {
            contentType = "application/atom+xml;charset=UTF-8";
        } else if (path.startsWith("/api/") || path.equals("/health")) {
            contentType = "application/json";
        } else {
            contentType = "text/html;charset=UTF-8";
        }
    }
}
