package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bound on working requests, on a real Jetty with one slot for the public and one for the back office: while a
 * slow page holds one, the next request for it waits its turn and is answered 503 with {@code Retry-After} and the
 * hotline once it has waited too long; health, static resources and the other pool pass meanwhile; the slot is free
 * again afterwards.
 */
class RenderSlotsTest {

    private static final Duration WAIT = Duration.ofMillis(300);

    private final CountDownLatch slowStarted = new CountDownLatch(1);
    private final CountDownLatch releaseSlow = new CountDownLatch(1);
    private final AtomicInteger working = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Server server;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler();
        context.addFilter(new FilterHolder(new RenderSlots(1, WAIT, List.of("/health", "/wicket/resource/"),
                List.of("/admin"), List.of("/api/v1/chat", "/admin/chat/feed"), 2)), "/*",
                EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                mostAtOnce.accumulateAndGet(working.incrementAndGet(), Math::max);
                try {
                    if (request.getRequestURI().endsWith("/slow")) {
                        slowStarted.countDown();
                        releaseSlow.await(10, TimeUnit.SECONDS);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    working.decrementAndGet();
                }
                response.getWriter().write("ok " + request.getRequestURI());
            }
        }), "/*");
        server.setHandler(context);
        server.start();
        port = connector.getLocalPort();
    }

    @AfterEach
    void stop() throws Exception {
        releaseSlow.countDown();
        server.stop();
    }

    @Test
    void aRequestWaitsForTheSlotAndIsRefusedPolitelyWhenItWaitsTooLong() throws Exception {
        CompletableFuture<HttpResponse<String>> slow = client.sendAsync(get("/slow"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(slowStarted.await(10, TimeUnit.SECONDS), "the slow page holds the slot");

        HttpResponse<String> refused = client.send(get("/ro/cautare?q=munca"), HttpResponse.BodyHandlers.ofString());
        assertEquals(503, refused.statusCode());
        assertEquals(String.valueOf(RenderSlots.RETRY_AFTER_SECONDS), refused.headers().firstValue("Retry-After")
                .orElse(""));
        assertTrue(refused.body().contains("Încearcă din nou peste câteva secunde."), refused.body());
        assertTrue(refused.body().contains("Попробуйте ещё раз через несколько секунд."));
        assertTrue(refused.body().contains("0 800 77777"));

        assertEquals(200, client.send(get("/health"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "the health probe never waits");
        assertEquals(200, client.send(get("/wicket/resource/x/portal.css"), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "nor do the stylesheet and scripts");

        // A request that arrives while the slot is taken, and gets it once the slow page ends, is served.
        CompletableFuture<HttpResponse<String>> waiting = client.sendAsync(get("/ro/"),
                HttpResponse.BodyHandlers.ofString());
        Thread.sleep(WAIT.toMillis() / 3);
        releaseSlow.countDown();
        assertEquals(200, slow.get(10, TimeUnit.SECONDS).statusCode());
        assertEquals("ok /ro/", waiting.get(10, TimeUnit.SECONDS).body());
        assertEquals(200, client.send(get("/ru/"), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    @Test
    void theBackOfficeHasSlotsOfItsOwn() throws Exception {
        CompletableFuture<HttpResponse<String>> longImport = client.sendAsync(get("/admin/slow"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(slowStarted.await(10, TimeUnit.SECONDS), "an editor's long import holds the back office's slot");
        assertEquals(200, client.send(get("/ro/cautare?q=munca"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "a reader's search does not wait for it");
        assertEquals(503, client.send(get("/admin/users"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "another back-office request does, and is refused once it has waited too long");
        releaseSlow.countDown();
        assertEquals(200, longImport.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void theLiveChatHasSlotsOfItsOwn() throws Exception {
        CompletableFuture<HttpResponse<String>> render = client.sendAsync(get("/ro/slow"),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(slowStarted.await(10, TimeUnit.SECONDS), "a page being rendered holds the public slot");
        assertEquals(200, client.send(get("/api/v1/chat/events?after=3"), HttpResponse.BodyHandlers.ofString())
                .statusCode(), "a reader's chat does not wait for it");
        assertEquals(200, client.send(get("/admin/chat/feed"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "nor does the counsellors' console, though under the back office");
        assertEquals(503, client.send(get("/ro/cautare?q=munca"), HttpResponse.BodyHandlers.ofString()).statusCode(),
                "another page does wait, and is refused once it has waited too long");
        releaseSlow.countDown();
        assertEquals(200, render.get(10, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void parallelRequestsWorkOneAtATimeAndAllAreServed() throws Exception {
        releaseSlow.countDown();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            answers.add(client.sendAsync(get("/ro/articole/" + i), HttpResponse.BodyHandlers.ofString()));
        }
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            assertEquals(200, answer.get(10, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(1, mostAtOnce.get(), "never more requests at work than slots");
    }

    @Test
    void aCoreStaysFreeForTheCachedPages() {
        assertEquals(1, RenderSlots.forCores(1));
        assertEquals(1, RenderSlots.forCores(2));
        assertEquals(7, RenderSlots.forCores(8));
    }

    private HttpRequest get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .build();
    }
}
