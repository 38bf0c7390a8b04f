package md.migratiesigura.portal.web.security;

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
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * A bound on the requests that make the server work: everything the page cache did not answer (pages rendered,
 * searches, forms, the API) runs at most {@link #slots()} at a time, the others waiting their turn in arrival order.
 * On two cores one slot renders while the other core keeps serving cached pages, so that a flood of any uncached
 * address (a search, a form) slows that address, not the articles readers are reading. The back office has slots of
 * its own, as many: an editor's long import does not hold up the readers' searches, nor a flood of the login page
 * the readers' forms. The live chat (the reader's API and the console's feed) has slots of its own too, more of them:
 * its requests are a few short database statements, not rendering, and hundreds of readers and counsellors call in
 * every second or so; in the render slot they queued behind each other (measured: seconds per message with 50
 * chats, deploy/bench/RESULTS.md). A request that waits longer than {@code maxWait} gets 503 with {@code Retry-After}
 * and a short bilingual page with the hotline; nothing of it was done.
 *
 * <p>Mapped after the page cache and before Wicket. {@code /health} and the static resources pass without a slot.
 */
public class RenderSlots implements Filter {

    /** Seconds a refused client is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 5;
    static final String BUSY_PAGE = """
            <!DOCTYPE html>
            <html lang="ro"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">\
            <title>Portalul este foarte solicitat</title></head><body>
            <p>Portalul este foarte solicitat acum. Încearcă din nou peste câteva secunde.</p>
            <p lang="ru">Портал сейчас перегружен. Попробуйте ещё раз через несколько секунд.</p>
            <p>Linia fierbinte / Горячая линия: <a href="tel:080077777">0 800 77777</a></p>
            </body></html>
            """;

    /** Chat requests that may work at once: a few below the database pool's ten connections. */
    public static final int CHAT_SLOTS = 6;

    private final Semaphore slots;
    private final Semaphore backOfficeSlots;
    private final Semaphore chatSlots;
    private final int count;
    private final Duration maxWait;
    private final List<String> exempt;
    private final List<String> backOffice;
    private final List<String> chat;

    /**
     * @param count      requests that may work at once, public and back office each
     * @param maxWait    how long a request waits for a slot before it is refused
     * @param exempt     path prefixes that never take a slot
     * @param backOffice path prefixes that take the back office's slots
     */
    public RenderSlots(int count, Duration maxWait, List<String> exempt, List<String> backOffice) {
        this(count, maxWait, exempt, backOffice, List.of(), 1);
    }

    /**
     * @param chat      path prefixes that take the chat's slots (looked at first: the console's feed is under the
     *                  back office)
     * @param chatCount chat requests that may work at once
     */
    public RenderSlots(int count, Duration maxWait, List<String> exempt, List<String> backOffice, List<String> chat,
                       int chatCount) {
        if (count < 1 || chatCount < 1) {
            throw new IllegalArgumentException("at least one slot");
        }
        this.slots = new Semaphore(count, true);
        this.backOfficeSlots = new Semaphore(count, true);
        this.chatSlots = new Semaphore(chatCount, true);
        this.count = count;
        this.maxWait = maxWait;
        this.exempt = List.copyOf(exempt);
        this.backOffice = List.copyOf(backOffice);
        this.chat = List.copyOf(chat);
    }

    /** One slot fewer than the cores, and at least one: a core stays free for the cached pages. */
    public static int forCores(int cores) {
        return Math.max(1, cores - 1);
    }

    /** Requests that may work at once, public and back office each. */
    public int slots() {
        return count;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = ((HttpServletRequest) request).getRequestURI();
        if (exempt.stream().anyMatch(path::startsWith)) {
            chain.doFilter(request, response);
            return;
        }
        Semaphore pool = chat.stream().anyMatch(path::startsWith) ? chatSlots
                : backOffice.stream().anyMatch(path::startsWith) ? backOfficeSlots : slots;
        boolean acquired;
        try {
            acquired = pool.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            refuse((HttpServletResponse) response);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            pool.release();
        }
    }

    private static void refuse(HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html; charset=utf-8");
        byte[] body = BUSY_PAGE.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
