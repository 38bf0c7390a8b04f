package md.migratiesigura.portal.web.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * Two packaged portals on a three-node Galera cluster started on loopback by deploy/cluster/start.sh (on ports picked
 * free at the start), behind a small proxy in nginx's role ({@link BalancingProxy}), as docs/cluster.md describes:
 * readers (pageviews and risk checks, which write a count) through the proxy, editors publishing on both portal nodes
 * and a counsellor signed in through the proxy. The database node the portals use is killed (SIGKILL) in the middle of
 * the traffic and started again; then the portal node holding the counsellor's session is killed and started again.
 * The site keeps answering (the errors are counted and printed), the counsellor stays signed in with the same cookie,
 * every published article is found on both portal nodes (the returned one's index catches up) and stored once on all
 * three database nodes, pageviews and checks are counted once, and the returning database node catches up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterIT {

    private static final String ADMIN_EMAIL = "redactor-cluster@example.org";
    private static final String ADMIN_PASSWORD = "o parola lunga pentru cluster";
    private static final String BROWSER_AGENT =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36";
    private static final Pattern TOTAL_PAGEVIEWS = Pattern.compile("\"totals\":\\{[^}]*\"pageviews\":(\\d+)");
    private static final Path SCRIPTS = Path.of("..", "deploy", "cluster").toAbsolutePath().normalize();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final AtomicInteger nextAddress = new AtomicInteger();
    /** The cluster's ports, picked free at the start: SQL on base+1..3, Galera +11..13, IST +21..23, SST +31..33. */
    private int portBase;
    private int[] sqlPorts;
    private Path clusterDir;
    private Path work;
    private String dbPassword;

    @BeforeAll
    void startCluster() throws Exception {
        // Directly under /tmp (not in a folder of the test's only): the servers run as the mysql user.
        clusterDir = Files.createTempDirectory("portal-cluster");
        work = Files.createTempDirectory("portal-cluster-it");
        portBase = freePortBase();
        sqlPorts = new int[] {portBase + 1, portBase + 2, portBase + 3};
        long start = System.nanoTime();
        script(Duration.ofMinutes(3), "start.sh", clusterDir.toString());
        System.out.printf("ClusterIT: three Galera nodes Synced in %.1f s%n", seconds(start));
        dbPassword = Files.readString(clusterDir.resolve("portal.password")).strip();
    }

    @AfterAll
    void stopCluster() throws Exception {
        try {
            script(Duration.ofMinutes(2), "stop.sh", clusterDir.toString());
        } finally {
            run(Duration.ofMinutes(1), List.of("rm", "-rf", clusterDir.toString(), work.toString()));
        }
    }

    @Test
    void thePortalKeepsServingAndLosesNothingWhenADatabaseNodeAndThenAPortalNodeDie() throws Exception {
        Map<String, String> a = new HashMap<>();
        a.put("PORTAL_DB_URL", "jdbc:mariadb:sequential://127.0.0.1:" + sqlPorts[0] + ",127.0.0.1:" + sqlPorts[1]
                + ",127.0.0.1:" + sqlPorts[2] + "/portal");
        a.put("PORTAL_DB_USER", "portal");
        a.put("PORTAL_DB_PASSWORD", dbPassword);
        a.put("PORTAL_PORT", "0");
        a.put("PORTAL_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128");
        a.put("PORTAL_ADMIN_EMAIL", ADMIN_EMAIL);
        a.put("PORTAL_ADMIN_PASSWORD", Browsers.oneTimePassword(ADMIN_PASSWORD));
        a.put("PORTAL_DATA_DIR", Files.createDirectory(work.resolve("node-a")).toString());
        // One consultation key on every node (docs/cluster.md): the shared throttles and sessions are keyed by it.
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        a.put("PORTAL_CONSULTATION_KEY", java.util.Base64.getEncoder().encodeToString(key));
        Map<String, String> b = new HashMap<>(a);
        b.put("PORTAL_DATA_DIR", Files.createDirectory(work.resolve("node-b")).toString());

        long start = System.nanoTime();
        List<Map<String, String>> envs = List.of(a, b);
        PortalProcess[] nodes = new PortalProcess[2];
        List<PortalProcess> started = new ArrayList<>();
        ExecutorService starting = Executors.newSingleThreadExecutor();
        try {
            nodes[0] = PortalProcess.start(a, Duration.ofSeconds(120));
            started.add(nodes[0]);
            nodes[1] = started(starting.submit(() -> PortalProcess.start(b, Duration.ofSeconds(120))),
                    () -> Browsers.firstSignIn(nodes[0].baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD));
            started.add(nodes[1]);
            starting.shutdown();
            System.out.printf("ClusterIT: two portal nodes ready in %.1f s%n", seconds(start));
            try (BalancingProxy proxy = new BalancingProxy(List.of(() -> nodes[0].port(), () -> nodes[1].port()))) {
                ChromeDriver browser = Browsers.chromium(1280, 900);
                List<String> words = new ArrayList<>();
                List<String> slugs = new ArrayList<>();
                ExecutorService readers = Executors.newFixedThreadPool(2);
                try {
                    // Editors before the failures: one article published on each portal node.
                    publishOn(browser, nodes[0], words, slugs);
                    publishOn(browser, nodes[1], words, slugs);
                    // A counsellor signs in through the proxy, which keeps a session on one node (by its cookie).
                    Browsers.signIn(browser, proxy.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
                    String session = browser.manage().getCookieNamed("PORTAL_SESSION").getValue();
                    int counsellorNode = Math.floorMod(session.hashCode(), 2);

                    int year = LocalDate.now(ZoneId.of("Europe/Chisinau")).getYear();
                    long pageviewsBefore = settledPageviews(nodes[0], year);
                    long checksBefore = checks(sqlPorts[0]);

                    AtomicBoolean stop = new AtomicBoolean();
                    Traffic first = new Traffic();
                    Traffic second = new Traffic();
                    Future<?> readingFirst = readers.submit(() -> read(proxy.baseUrl(), first, stop));
                    Future<?> readingSecond = readers.submit(() -> read(proxy.baseUrl(), second, stop));
                    Thread.sleep(4_000);

                    // The database node both portals write through dies.
                    long killedAt = System.nanoTime();
                    script(Duration.ofSeconds(30), "nodes.sh", clusterDir.toString(), "kill", "1");
                    // Editors during the failure, on both portal nodes.
                    publishOn(browser, nodes[1], words, slugs);
                    publishOn(browser, nodes[0], words, slugs);
                    Thread.sleep(2_000);
                    // The node comes back and catches up (incremental state transfer) while the traffic goes on.
                    long restartAt = System.nanoTime();
                    script(Duration.ofMinutes(2), "nodes.sh", clusterDir.toString(), "start", "1");
                    double catchUp = seconds(restartAt);

                    // Then the portal node holding the counsellor's session dies (SIGKILL) in the middle of the traffic.
                    PortalProcess lost = nodes[counsellorNode];
                    Thread.sleep(1_000);
                    long portalKilledAt = System.nanoTime();
                    lost.kill();
                    // The counsellor is still signed in, with the same cookie, on the other node, and publishes an
                    // article that the lost node never saw.
                    browser.get(proxy.baseUrl() + "/admin/");
                    assertTrue(browser.getCurrentUrl().endsWith("/admin/"),
                            "still signed in after the portal node's loss: " + browser.getCurrentUrl() + "\n"
                                    + tail(nodes[1 - counsellorNode]));
                    String word = newWord(words);
                    slugs.add(TwoNodesIT.publish(browser, "Lucrul în străinătate: " + word));
                    words.add(word);
                    assertEquals(session, browser.manage().getCookieNamed("PORTAL_SESSION").getValue(),
                            "the same session, served by the other node");
                    // The lost node comes back (its index catches up from the database) while the traffic goes on.
                    long portalRestartAt = System.nanoTime();
                    nodes[counsellorNode] = PortalProcess.start(envs.get(counsellorNode), Duration.ofSeconds(120));
                    started.add(nodes[counsellorNode]);
                    double portalBack = seconds(portalRestartAt);
                    Thread.sleep(2_000);
                    stop.set(true);
                    readingFirst.get(30, TimeUnit.SECONDS);
                    readingSecond.get(30, TimeUnit.SECONDS);
                    // Back on its own node again (the proxy's choice by cookie), the counsellor is still signed in.
                    browser.get(proxy.baseUrl() + "/admin/");
                    assertTrue(browser.getCurrentUrl().endsWith("/admin/"),
                            "still signed in on the returned node: " + browser.getCurrentUrl());

                    Traffic all = Traffic.sum(first, second);
                    System.out.printf("ClusterIT: %d pageviews and %d checks served through the proxy, %d requests failed"
                                    + " (%s) in %d s with errors; database node 1 back and Synced %.1f s after its start"
                                    + " (%s); portal node %s killed, back and ready %.1f s after its start;"
                                    + " %d requests moved to the other portal node by the proxy%n",
                            all.pages.get(), all.checks.get(), all.failed.get(), all.failures(), all.errorSeconds(),
                            catchUp, transferOf(1), counsellorNode == 0 ? "A" : "B", portalBack, proxy.failedOver());
                    System.out.printf("ClusterIT: errors: %s s after the database node's kill; %s s after the portal"
                            + " node's kill%n", all.errorsAfter(killedAt, portalKilledAt), all.errorsAfter(portalKilledAt,
                            Long.MAX_VALUE));

                    // Readers were served throughout: the site answered, with errors at most during the failovers.
                    assertTrue(all.pages.get() >= 100, "pageviews served: " + all.pages.get());
                    assertTrue(all.errorSeconds() <= 10, "errors only during brief failovers: " + all.errorSeconds() + " s");

                    // Every article published, before or during the failures, is on both portal nodes, found by search:
                    // the returned portal node's index has caught up.
                    for (int i = 0; i < words.size(); i++) {
                        for (PortalProcess node : nodes) {
                            String w = words.get(i);
                            String slug = slugs.get(i);
                            assertTrue(TwoNodesIT.within(Duration.ofSeconds(15), () -> body(node, "/api/v1/search?lang=ro&q="
                                    + URLEncoder.encode(w, StandardCharsets.UTF_8)).contains(slug)),
                                    w + " found on " + node.baseUrl());
                        }
                    }
                    // Everything is there exactly once on each database node, the returned one included. Pageviews are
                    // counted in batches every 2 s: those the killed portal node served in its last seconds, not yet
                    // written, die with it (by design: VisitCounter); none is counted twice.
                    long counted = settledPageviews(nodes[1 - counsellorNode], year) - pageviewsBefore;
                    long unflushed = proxy.pageviewsBetween(counsellorNode, portalKilledAt - 3_000_000_000L, portalKilledAt);
                    System.out.printf("ClusterIT: %d of %d pageviews counted (%d served by the killed portal node in its"
                            + " last 3 s)%n", counted, all.pages.get(), unflushed);
                    assertTrue(counted <= all.pages.get(), "no pageview counted twice: " + counted + " > " + all.pages.get());
                    assertTrue(counted >= all.pages.get() - unflushed,
                            "only the killed node's unwritten pageviews are missing: " + counted + " of " + all.pages.get());
                    // A check whose count could not be written while the database node died is still answered (the
                    // person gets the result, the statistic misses it: RiskCheckService); the portal says so in its log.
                    int uncounted = started.stream().mapToInt(ClusterIT::uncounted).sum();
                    System.out.printf("ClusterIT: %d of %d checks answered but not counted during the failovers%n",
                            uncounted, all.checks.get());
                    assertTrue(uncounted <= 5, "only the checks in flight when the node died are missed: " + uncounted);
                    for (int port : sqlPorts) {
                        for (String w : words) {
                            assertEquals(1, articles(port, w), "article '" + w + "' once on the node of port " + port);
                        }
                        long checks = checks(port) - checksBefore;
                        assertTrue(checks >= all.checks.get() - uncounted
                                        && checks <= all.checks.get() + all.failedChecks.get(),
                                "checks counted once on port " + port + ": " + checks + " for " + all.checks.get()
                                        + " served (" + all.failedChecks.get() + " failed, " + uncounted + " not counted)");
                    }
                    assertEquals(checks(sqlPorts[1]), checks(sqlPorts[0]), "the returned node has caught up");
                    assertEquals(checks(sqlPorts[2]), checks(sqlPorts[0]), "all three nodes agree");
                } finally {
                    readers.shutdownNow();
                    browser.quit();
                }
            }
        } finally {
            starting.shutdownNow();
            for (PortalProcess node : started) {
                node.close();
            }
        }
    }

    /** Node B, started while the first administrator signs in on node A (B is closed if that fails). */
    private static PortalProcess started(Future<PortalProcess> node, Step meanwhile) throws Exception {
        try {
            meanwhile.run();
        } catch (Exception | Error e) {
            node.get().close();
            throw e;
        }
        return node.get();
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Signs in on the node's back office and publishes an article with a word of its own. */
    private void publishOn(ChromeDriver browser, PortalProcess node, List<String> words, List<String> slugs) {
        String word = newWord(words);
        // Cookies are per host, not per port: the other node's session goes before signing in here.
        browser.get(node.baseUrl() + "/");
        browser.manage().deleteAllCookies();
        Browsers.signIn(browser, node.baseUrl(), ADMIN_EMAIL, ADMIN_PASSWORD);
        slugs.add(TwoNodesIT.publish(browser, "Lucrul în străinătate: " + word));
        words.add(word);
    }

    /** A word of the next article's own, for the search to find it and nothing else. */
    private static String newWord(List<String> words) {
        return "galera" + (char) ('a' + words.size()) + Long.toString(System.nanoTime() % 1_000_000, 36)
                .replaceAll("[0-9]", "q");
    }

    /** A reader's requests against one address until stopped: pageviews and risk checks from distinct addresses. */
    private Void read(String base, Traffic traffic, AtomicBoolean stop) throws InterruptedException {
        while (!stop.get()) {
            boolean page = nextAddress.get() % 3 != 0;
            try {
                HttpResponse<String> response = page
                        ? send(HttpRequest.newBuilder(URI.create(base + (nextAddress.get() % 2 == 0 ? "/ro/" : "/ru/")))
                                .header("User-Agent", BROWSER_AGENT).header("X-Forwarded-For", nextAddress()).GET())
                        : send(HttpRequest.newBuilder(URI.create(base + "/api/v1/risk-check"))
                                .header("Content-Type", "application/json").header("X-Forwarded-For", nextAddress())
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"lang\":\"ro\",\"answers\":{\"passport\":\"asked_to_keep\"}}")));
                if (response.statusCode() == 200) {
                    (page ? traffic.pages : traffic.checks).incrementAndGet();
                } else {
                    traffic.failed(page, "HTTP " + response.statusCode());
                }
            } catch (IOException e) {
                traffic.failed(page, e.getClass().getSimpleName());
            }
            Thread.sleep(25);
        }
        return null;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** What the readers of one node (or all) were served, and what failed when. */
    private static final class Traffic {
        final AtomicInteger pages = new AtomicInteger();
        final AtomicInteger checks = new AtomicInteger();
        final AtomicInteger failed = new AtomicInteger();
        final AtomicInteger failedChecks = new AtomicInteger();
        final AtomicLong firstError = new AtomicLong();
        final AtomicLong lastError = new AtomicLong();
        final java.util.Queue<Long> errors = new java.util.concurrent.ConcurrentLinkedQueue<>();
        final Map<String, Integer> kinds = new java.util.concurrent.ConcurrentHashMap<>();

        void failed(boolean page, String kind) {
            long now = System.nanoTime();
            failed.incrementAndGet();
            if (!page) {
                failedChecks.incrementAndGet();
            }
            kinds.merge(kind, 1, Integer::sum);
            errors.add(now);
            firstError.compareAndSet(0, now);
            lastError.set(now);
        }

        /** The seconds (counted from the first error) in which at least one request failed. */
        long errorSeconds() {
            long origin = firstError.get();
            return errors.stream().map(t -> (t - origin) / 1_000_000_000L).distinct().count();
        }

        /** How many errors happened in [from, to), and when, in seconds after {@code from}; "none". */
        String errorsAfter(long from, long to) {
            List<Long> after = errors.stream().filter(t -> t >= from && t < to).sorted().toList();
            return after.isEmpty() ? "none" : String.format(java.util.Locale.ROOT, "%d from %.1f to %.1f", after.size(),
                    (after.get(0) - from) / 1e9, (after.get(after.size() - 1) - from) / 1e9);
        }

        String failures() {
            return kinds.isEmpty() ? "none" : kinds.toString();
        }

        static Traffic sum(Traffic x, Traffic y) {
            Traffic t = new Traffic();
            for (Traffic s : List.of(x, y)) {
                t.pages.addAndGet(s.pages.get());
                t.checks.addAndGet(s.checks.get());
                t.failed.addAndGet(s.failed.get());
                t.failedChecks.addAndGet(s.failedChecks.get());
                s.kinds.forEach((k, v) -> t.kinds.merge(k, v, Integer::sum));
                t.errors.addAll(s.errors);
                if (s.firstError.get() != 0 && (t.firstError.get() == 0 || s.firstError.get() < t.firstError.get())) {
                    t.firstError.set(s.firstError.get());
                }
                t.lastError.set(Math.max(t.lastError.get(), s.lastError.get()));
            }
            return t;
        }
    }

    /** The last lines a portal wrote, for a failure's message. */
    private static String tail(PortalProcess node) {
        List<String> lines = node.output().lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    }

    private static int uncounted(PortalProcess node) {
        return (int) node.output().lines().filter(l -> l.contains("A job-offer check could not be counted")).count();
    }

    private long checks(int port) throws Exception {
        return single(port, "SELECT COALESCE(SUM(checks), 0) FROM risk_check_tier_counts", null);
    }

    private long articles(int port, String word) throws Exception {
        return single(port, "SELECT COUNT(*) FROM article_translations WHERE title LIKE ?", "%" + word);
    }

    private long single(int port, String sql, String parameter) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/portal", "portal",
                dbPassword); PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether the node's last start received an incremental (IST) or a full (SST) state transfer, from its log. */
    private String transferOf(int node) throws IOException {
        List<String> log = Files.readAllLines(clusterDir.resolve("node" + node).resolve("error.log"));
        String last = "no state transfer";
        for (String line : log) {
            if (line.contains("IST received")) {
                last = "IST";
            } else if (line.contains("SST received") || line.contains("SST succeeded")) {
                last = "SST";
            }
        }
        return last;
    }

    /** The report's year pageviews once two reads 2.5 s apart agree: every flush has happened. */
    private long settledPageviews(PortalProcess node, int year) throws Exception {
        long last = pageviews(node, year);
        for (int i = 0; i < 12; i++) {
            Thread.sleep(2_500);
            long now = pageviews(node, year);
            if (now == last) {
                return now;
            }
            last = now;
        }
        throw new AssertionError("the report's totals did not settle");
    }

    private long pageviews(PortalProcess node, int year) throws Exception {
        String json = body(node, "/api/v1/report/" + year);
        Matcher m = TOTAL_PAGEVIEWS.matcher(json);
        assertTrue(m.find(), json);
        return Long.parseLong(m.group(1));
    }

    private String body(PortalProcess node, String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(node.baseUrl() + path)).GET()).body();
    }

    private String nextAddress() {
        int n = nextAddress.incrementAndGet();
        return "10.30." + (n / 250 % 250) + "." + (n % 250 + 1);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private void script(Duration timeout, String name, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPTS.resolve(name).toString()));
        command.addAll(List.of(arguments));
        run(timeout, command, Map.of("CLUSTER_SQL_BASE", Integer.toString(portBase),
                "CLUSTER_WSREP_BASE", Integer.toString(portBase + 10), "CLUSTER_IST_BASE", Integer.toString(portBase + 20),
                "CLUSTER_SST_BASE", Integer.toString(portBase + 30)));
    }

    /**
     * A base for the cluster's twelve ports (base+1..3, +11..13, +21..23, +31..33) where all are free now on
     * 127.0.0.1, so that the test does not meet another cluster or a leftover server on the default ports.
     */
    private static int freePortBase() {
        java.util.Random random = new java.util.Random();
        for (int tries = 0; tries < 50; tries++) {
            int base = 20_000 + random.nextInt(2_000) * 10;
            boolean free = true;
            for (int family = 0; family < 4 && free; family++) {
                for (int n = 1; n <= 3 && free; n++) {
                    try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                        probe.bind(new java.net.InetSocketAddress("127.0.0.1", base + family * 10 + n));
                    } catch (IOException taken) {
                        free = false;
                    }
                }
            }
            if (free) {
                return base;
            }
        }
        throw new AssertionError("no free ports for the cluster");
    }

    private static void run(Duration timeout, List<String> command) throws Exception {
        run(timeout, command, Map.of());
    }

    private static void run(Duration timeout, List<String> command, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try {
                output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException ignored) {
                // the process ended
            }
        });
        reader.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + timeout);
        }
        reader.join(5_000);
        assertEquals(0, process.exitValue(), command + ":\n" + output);
    }
}
