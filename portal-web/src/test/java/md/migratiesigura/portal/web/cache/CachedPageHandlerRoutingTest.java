package md.migratiesigura.portal.web.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Which requests {@link CachedPageHandler} answers itself: behind it stands a handler that answers 418, so any
 * request that would have reached the servlet stack shows as a teapot.
 */
class CachedPageHandlerRoutingTest {

    private static final String PAGE = "/ro/articole/contract";
    private static final String EXCLUDED = "/ro/consultatie/raspuns";
    private static Server server;
    private static int port;
    private static final List<String> counted = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        PageCache cache = new PageCache(1 << 20, 1 << 20, Duration.ofMinutes(5), () -> 1, Clock.systemUTC());
        byte[] body = "<html>kept</html>".repeat(50).getBytes(StandardCharsets.UTF_8);
        for (String path : List.of(PAGE, EXCLUDED)) {
            cache.put(path, 200, List.of(Map.entry("Content-Type", "text/html;charset=utf-8")), body, 1).orElseThrow();
        }
        Handler teapot = new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                response.setStatus(418);
                callback.succeeded();
                return true;
            }
        };
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        server.addConnector(connector);
        server.setHandler(new CachedPageHandler(teapot, cache, List.of("/ro/*", "/ru/*"),
                List.of("/ro/consultatie", "/ro/consultatie/*"),
                (method, status, type, path, address, header) -> counted.add(path + " " + type)));
        server.start();
        port = connector.getLocalPort();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
    }

    @BeforeEach
    void forget() {
        counted.clear();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Accept-Encoding: gzip\r\n", "Accept-Encoding: gzip, zstd\r\n"})
    void aPlainReaderRequestForAKeptPageIsAnsweredAndCountedHere(String accepted) throws IOException {
        assertEquals(200, status("GET " + PAGE, accepted));
        assertEquals(List.of(PAGE + " text/html;charset=utf-8"), counted);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET " + PAGE + "|Cookie: PORTAL_SESSION=abc\r\n", "GET " + PAGE + "?|", "GET " + PAGE + "?a=1|",
            "HEAD " + PAGE + "|", "POST " + PAGE + "|Content-Length: 0\r\n", "GET " + PAGE + "|Content-Length: 2\r\n\r\nab",
            "GET /ro/articole/%63ontract|", "GET " + PAGE + ";jsessionid=1|", "GET " + EXCLUDED + "|", "GET /ro/missing|",
            "GET /admin/login|", "GET " + PAGE + "|Accept-Encoding: br\r\n", "GET " + PAGE + "|Accept-Encoding: gzip;q=0\r\n"})
    void everythingElseGoesToTheServletStackUncounted(String request) throws IOException {
        String[] parts = request.split("\\|", -1);
        assertEquals(418, status(parts[0], parts[1]), request);
        assertEquals(List.of(), counted, request);
    }

    private static int status(String requestLine, String headers) throws IOException {
        String extra = headers.contains("\r\n\r\n") ? headers.replaceFirst("\r\n\r\n", "\r\nConnection: close\r\n\r\n")
                : headers + "Connection: close\r\n\r\n";
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: localhost\r\n" + extra)
                    .getBytes(StandardCharsets.ISO_8859_1));
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            in.transferTo(all);
            String answer = all.toString(StandardCharsets.ISO_8859_1);
            return Integer.parseInt(answer.substring(9, 12));
        }
    }
}
