import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.visits.UserAgents;
import md.migratiesigura.portal.visits.VisitCounter;
import md.migratiesigura.portal.web.visits.VisitCountingFilter;

/**
 * What visit counting costs a request: the work VisitCountingFilter adds after a page is rendered (status and
 * header checks, client address, bot check, hash, classification, offer to the queue), in nanoseconds per request,
 * single-threaded, on a warmed JVM, with the real counter writing to a real MariaDB between rounds.
 *
 * Run (after `mvn -B -DskipTests package`): bash deploy/bench/visit-counter-bench.sh [jdbc:mariadb://host:port/]
 * No JMH: rounds of 40,000 requests (under the queue's capacity, so every request takes the counted path, not the
 * cheaper drop), timed with System.nanoTime; the flush between rounds is not timed, as it runs on its own thread.
 */
public class VisitCounterBench {

    static final int ROUND = 40_000;
    static final int WARMUP_ROUNDS = 10;
    static final int ROUNDS = 25;

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:mariadb://127.0.0.1:3306/";
        String name = "visit_bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_DB_URL", server + name);
        env.put("PORTAL_DATA_DIR", System.getProperty("java.io.tmpdir") + "/" + name);
        try (Database database = Database.open(PortalConfig.from(env, new Properties()))) {
            run(database);
        } finally {
            try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + name);
            }
        }
    }

    static void run(Database database) throws Exception {
        VisitCounter counter = VisitCounter.standard(database.dataSource(), Clock.systemUTC());
        counter.flush(); // loads this month's salt, so requests are hashed at once, as in production
        VisitCountingFilter filter = new VisitCountingFilter(counter, List.of(), Clock.systemUTC(), "localhost");
        List<Exchange> exchanges = exchanges(4_096);
        FilterChain page = (request, response) -> { };

        double[] filterNs = new double[ROUNDS];
        double[] baselineNs = new double[ROUNDS];
        double[] recordNs = new double[ROUNDS];
        for (int round = -WARMUP_ROUNDS; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                Exchange e = exchanges.get(i & 4095);
                page.doFilter(e.request, e.response);
                e.request.getHeader("User-Agent"); // what the page itself would read anyway
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                Exchange e = exchanges.get(i & 4095);
                filter.doFilter(e.request, e.response, page);
            }
            long t2 = System.nanoTime();
            if (!counter.flush()) {
                throw new IllegalStateException("the database refused the counts");
            }
            long t3 = System.nanoTime();
            for (int i = 0; i < ROUND; i++) {
                Exchange e = exchanges.get(i & 4095);
                counter.record(java.time.Instant.now(), e.address, e.userAgent, e.path, Language.RO, e.referer, "localhost");
            }
            long t4 = System.nanoTime();
            counter.flush();
            if (round >= 0) {
                baselineNs[round] = (t1 - t0) / (double) ROUND;
                filterNs[round] = (t2 - t1) / (double) ROUND;
                recordNs[round] = (t4 - t3) / (double) ROUND;
            }
        }
        UserAgents agents = UserAgents.standard();
        long t0 = System.nanoTime();
        int bots = 0;
        for (int i = 0; i < 20_000; i++) {
            if (agents.isBot("Mozilla/5.0 (Linux; Android 13; SM-A" + i + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36")) {
                bots++;
            }
        }
        double coldBotCheck = (System.nanoTime() - t0) / 20_000.0;

        System.out.printf("visit counting, ns per request (median of %d rounds of %,d; %d-thread; %s)%n", ROUNDS, ROUND, 1,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        System.out.printf("  filter, counting on, minus the same exchange without it: %,.0f ns%n", median(filterNs) - median(baselineNs));
        System.out.printf("  VisitCounter.record alone (offer of the raw facts; digested on another thread): %,.0f ns%n", median(recordNs));
        System.out.printf("  bot check of a never-seen user agent (cache miss): %,.0f ns (%d of 20,000 taken for bots)%n", coldBotCheck, bots);
        System.out.printf("  dropped: %d (must be 0: every request took the counted path)%n", counter.dropped());
        System.out.printf("  target: under 50,000 ns per request%n");
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        java.util.Arrays.sort(copy);
        return copy[copy.length / 2];
    }

    /** Readers with a realistic spread: 200 browser versions, 1,500 addresses (IPv4 and IPv6), a few referrers. */
    static List<Exchange> exchanges(int count) {
        Random random = new Random(7);
        List<Exchange> list = new ArrayList<>(count);
        String[] paths = {"/ro/", "/ru/", "/ro/articole/cum-verifici-o-oferta-de-munca-in-strainatate", "/ru/stati/kak-proverit",
                "/ro/cautare", "/ro/categorie/munca"};
        String[] referers = {null, null, null, "https://www.google.com/", "https://yandex.ru/", "https://www.facebook.com/"};
        for (int i = 0; i < count; i++) {
            int v = random.nextInt(200);
            String ua = v % 3 == 0
                    ? "Mozilla/5.0 (Linux; Android 13; SM-A" + (500 + v) + "B) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0." + v + " Mobile Safari/537.36"
                    : v % 3 == 1
                    ? "Mozilla/5.0 (iPhone; CPU iPhone OS 17_" + (v % 7) + " like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17." + v + " Mobile/15E148 Safari/604.1"
                    : "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:" + (100 + v) + ".0) Gecko/20100101 Firefox/" + (100 + v) + ".0";
            int a = random.nextInt(1500);
            String address = a % 4 == 0 ? "2a02:2f0e:" + Integer.toHexString(a) + "::1" : "89.28." + (a / 250) + "." + (a % 250);
            list.add(new Exchange(address, ua, paths[random.nextInt(paths.length)], referers[random.nextInt(referers.length)]));
        }
        return list;
    }

    /** A request and its 200 text/html answer, as the filter sees them after Wicket rendered the page. */
    static final class Exchange {
        final String address;
        final String userAgent;
        final String path;
        final String referer;
        final HttpServletRequest request;
        final HttpServletResponse response;

        Exchange(String address, String userAgent, String path, String referer) {
            this.address = address;
            this.userAgent = userAgent;
            this.path = path;
            this.referer = referer;
            Map<String, String> headers = new HashMap<>();
            headers.put("user-agent", userAgent);
            if (referer != null) {
                headers.put("referer", referer);
            }
            request = (HttpServletRequest) Proxy.newProxyInstance(VisitCounterBench.class.getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getRemoteAddr" -> address;
                        case "getMethod" -> "GET";
                        case "getRequestURI" -> path;
                        case "getHeader" -> headers.get(((String) args[0]).toLowerCase());
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
            response = (HttpServletResponse) Proxy.newProxyInstance(VisitCounterBench.class.getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getStatus" -> 200;
                        case "getContentType" -> "text/html;charset=UTF-8";
                        default -> throw new UnsupportedOperationException(m.getName());
                    });
        }
    }
}
