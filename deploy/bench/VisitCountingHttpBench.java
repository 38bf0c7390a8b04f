import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.web.PortalServer;

/**
 * Throughput of a public page with visit counting on and off (PORTAL_VISIT_COUNTING): the same portal, the same
 * database, the same page, readers' user agents, alternating runs so that neither setting gets a warmer machine.
 * Only loopback traffic, bounded in time. Run: bash deploy/bench/visit-counter-bench.sh http
 */
public class VisitCountingHttpBench {

    static final Duration RUN = Duration.ofSeconds(8);
    static final int CLIENTS = 4;

    public static void main(String[] args) throws Exception {
        String server = args.length > 0 ? args[0] : "jdbc:mariadb://127.0.0.1:3306/";
        String name = "visit_http_bench_" + Long.toHexString(System.nanoTime());
        try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        try {
            double[] on = new double[3];
            double[] off = new double[3];
            for (int round = 0; round < 3; round++) {
                off[round] = run(server + name, false);
                on[round] = run(server + name, true);
            }
            double bestOn = Math.max(on[0], Math.max(on[1], on[2]));
            double bestOff = Math.max(off[0], Math.max(off[1], off[2]));
            System.out.printf("GET /ro/, %d clients, %s per run, best of 3 (requests/s): counting off %.0f, on %.0f (%+.1f%%)%n",
                    CLIENTS, RUN, bestOff, bestOn, 100 * (bestOn - bestOff) / bestOff);
        } finally {
            try (Connection c = DriverManager.getConnection(server, "root", ""); Statement s = c.createStatement()) {
                s.execute("DROP DATABASE " + name);
            }
        }
    }

    static double run(String url, boolean counting) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("PORTAL_DB_URL", url);
        env.put("PORTAL_PORT", "0");
        env.put("PORTAL_DATA_DIR", Files.createTempDirectory("visit-http-bench").toString());
        env.put("PORTAL_VISIT_COUNTING", counting ? "on" : "off");
        try (PortalServer portal = PortalServer.start(PortalConfig.from(env, new Properties()))) {
            HttpClient http = HttpClient.newHttpClient();
            URI page = URI.create("http://localhost:" + portal.port() + "/ro/");
            AtomicLong done = new AtomicLong();
            long warmUntil = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            long[] window = new long[2];
            Thread[] clients = new Thread[CLIENTS];
            for (int i = 0; i < CLIENTS; i++) {
                int client = i;
                clients[i] = new Thread(() -> {
                    HttpRequest request = HttpRequest.newBuilder(page).header("User-Agent",
                            "Mozilla/5.0 (Linux; Android 13; SM-A" + client + ") AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36").build();
                    long end = warmUntil + RUN.toNanos();
                    try {
                        while (System.nanoTime() < end) {
                            http.send(request, HttpResponse.BodyHandlers.discarding());
                            if (System.nanoTime() > warmUntil) {
                                done.incrementAndGet();
                            }
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
                clients[i].start();
            }
            for (Thread t : clients) {
                t.join();
            }
            return done.get() / (double) RUN.toSeconds();
        }
    }
}
