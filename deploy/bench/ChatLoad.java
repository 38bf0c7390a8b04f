import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live chat's load driver (chat-bench.sh): counsellors signed in through the back office's login form, working
 * through the console's feed ({@code /admin/chat/feed}) as chat-console.js does (a poll a second after the previous
 * answer, an action per message); readers through the public chat API, each in a long-poll that parks no thread of
 * this driver either ({@code sendAsync}). Loopback only; every phase is bounded in time.
 *
 * <pre>java -cp portal.jar deploy/bench/ChatLoad.java BASE_URL COUNSELLORS_FILE PASSWORD [--chats 50] [--waiting 500]
 *      [--rate 20] [--warmup 15] [--duration 60] [--public-warmup 20] [--public-connections 4] [--article PATH]
 *      [--server-pid PID] [--db-pid PID] [--wrk-script deploy/bench/wrk-portal.lua]</pre>
 *
 * Order: public pages alone (warm-up, then the baseline window); the counsellors sign in and become available; the
 * active readers start, write a first line and are accepted; the waiting readers join the queue; messages flow at
 * {@code --rate} a second in total, half each way, round-robin over the chats; after the chat warm-up, the measured
 * window runs the public pages again, for as long as the baseline. Delivery latency is from the moment a message's
 * request is sent to the moment the other side's poll brings it (reader: its long-poll; counsellor: the feed).
 * Prints {@code RESULT key=value} lines for the script, then a Markdown table.
 */
public final class ChatLoad {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String AGENT = "Mozilla/5.0 (Linux; Android 13; SM-A536B) AppleWebKit/537.36 (KHTML, like Gecko) "
            + "Chrome/120.0.0.0 Mobile Safari/537.36";
    static final Pattern FORM = Pattern.compile("<form[^>]*class=\"admin-form\"[^>]*>|<form[^>]*action=\"[^\"]*\"[^>]*class=\"admin-form\"[^>]*>");
    static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");
    static final Pattern MESSAGE = Pattern.compile("^(m\\d+)\\b");
    static final Pattern HELLO = Pattern.compile("^hello r(\\d+)$");

    final String base;
    final int chats;
    final int waitingReaders;
    final int rate;
    final int warmup;
    final int duration;
    final int publicWarmup;
    final int publicConnections;
    final String article;
    final long serverPid;
    final long databasePid;
    /** wrk's script (wrk-portal.lua): the public pages are then loaded by wrk, not by this JVM's HTTP client. */
    final String wrkScript;

    final HttpClient readersClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).connectTimeout(Duration.ofSeconds(5)).build();
    final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    volatile boolean stopping;
    volatile boolean measuring;

    /** Message id: when it was sent, whether in the measured window, which way. */
    record Sent(long nanos, boolean measured, boolean toReader) {
    }

    final Map<String, Sent> inFlight = new ConcurrentHashMap<>();
    final Map<String, String> delivered = new ConcurrentHashMap<>();
    final List<Long> toReader = Collections.synchronizedList(new ArrayList<>());
    final List<Long> toCounsellor = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger duplicates = new AtomicInteger();
    final AtomicLong sentMeasured = new AtomicLong();
    final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
    final AtomicInteger nextMessage = new AtomicInteger();
    /** Request times in the measured window (µs), by kind. */
    final Map<String, List<Long>> timings = new ConcurrentHashMap<>();

    void timed(String kind, long startNanos) {
        if (measuring) {
            timings.computeIfAbsent(kind, k -> Collections.synchronizedList(new ArrayList<>()))
                    .add((System.nanoTime() - startNanos) / 1_000);
        }
    }

    ChatLoad(String base, Map<String, String> options) {
        this.base = base;
        this.chats = Integer.parseInt(options.getOrDefault("chats", "50"));
        this.waitingReaders = Integer.parseInt(options.getOrDefault("waiting", "500"));
        this.rate = Integer.parseInt(options.getOrDefault("rate", "20"));
        this.warmup = Integer.parseInt(options.getOrDefault("warmup", "15"));
        this.duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        this.publicWarmup = Integer.parseInt(options.getOrDefault("public-warmup", "20"));
        this.publicConnections = Integer.parseInt(options.getOrDefault("public-connections", "4"));
        this.article = options.getOrDefault("article", "/ro/");
        this.serverPid = Long.parseLong(options.getOrDefault("server-pid", "0"));
        this.databasePid = Long.parseLong(options.getOrDefault("db-pid", "0"));
        this.wrkScript = options.get("wrk-script");
    }

    void error(String kind) {
        errors.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * A message shown on one side. {@code stored} names the stored message (chat and sequence number): the console's
     * answers may repeat one (a poll and an action answered at once), which the console shows once, as here; the same
     * text under another sequence number would have been stored twice.
     */
    void received(String text, boolean byReader, String stored) {
        Matcher m = MESSAGE.matcher(text);
        if (!m.find()) {
            return;
        }
        String id = m.group(1);
        long now = System.nanoTime();
        String before = delivered.putIfAbsent(id, stored);
        if (before != null) {
            if (!before.equals(stored)) {
                duplicates.incrementAndGet();
            }
            return;
        }
        Sent sent = inFlight.remove(id);
        if (sent == null) {
            return;
        }
        if (sent.toReader() != byReader) {
            error("delivered to the wrong side");
        }
        if (sent.measured()) {
            (byReader ? toReader : toCounsellor).add((now - sent.nanos()) / 1_000);
        }
    }

    String newMessage(boolean toReader) {
        String id = "m" + nextMessage.incrementAndGet();
        boolean measured = measuring;
        if (measured) {
            sentMeasured.incrementAndGet();
        }
        inFlight.put(id, new Sent(System.nanoTime(), measured, toReader));
        return id;
    }

    // --- readers ---------------------------------------------------------------------------------------------------

    final class Reader {
        final int index;
        String token;
        volatile int after;
        volatile String state = "";
        final AtomicInteger clientIds = new AtomicInteger();

        Reader(int index) {
            this.index = index;
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create(base + "/api/v1/chat" + path)).timeout(Duration.ofSeconds(40))
                    .header("User-Agent", AGENT).header("Authorization", "Bearer " + token);
        }

        void start() throws Exception {
            // One address each: the portal allows 6 chats per address in 10 minutes (it trusts 127.0.0.1 here).
            String address = "10." + (index >> 16 & 255) + "." + (index >> 8 & 255) + "." + (index & 255);
            HttpResponse<String> r = readersClient.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/chat"))
                    .header("Content-Type", "application/json").header("X-Forwarded-For", address)
                    .header("User-Agent", AGENT)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"lang\":\"ro\",\"sos\":false}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) {
                throw new IllegalStateException("reader " + index + " not queued: " + r.statusCode() + " " + r.body());
            }
            token = JSON.readTree(r.body()).get("token").asText();
            state = "queued";
            poll();
        }

        void poll() {
            if (stopping) {
                return;
            }
            readersClient.sendAsync(request("/events?after=" + after).GET().build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, failure) -> {
                        if (failure != null || r.statusCode() != 200) {
                            if (!stopping) {
                                error(failure != null ? "reader poll: " + failure.getClass().getSimpleName()
                                        : "reader poll: HTTP " + r.statusCode());
                                timers.schedule(this::poll, 1, TimeUnit.SECONDS);
                            }
                            return;
                        }
                        try {
                            JsonNode body = JSON.readTree(r.body());
                            state = body.path("state").asText();
                            for (JsonNode e : body.path("events")) {
                                after = Math.max(after, e.path("seq").asInt());
                                if ("counsellor".equals(e.path("from").asText())) {
                                    received(e.path("text").asText(), true, "r" + index + ":" + e.path("seq").asInt());
                                }
                            }
                            if ("ended".equals(state)) {
                                error("chat ended under load");
                                return;
                            }
                        } catch (IOException e) {
                            error("reader poll: bad JSON");
                        }
                        poll();
                    });
        }

        void send(String text) {
            String body = "{\"text\":\"" + text + "\",\"clientId\":\"b" + index + "-" + clientIds.incrementAndGet() + "\"}";
            long start = System.nanoTime();
            readersClient.sendAsync(request("/messages").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                    .whenComplete((r, failure) -> {
                        timed("reader: POST messages", start);
                        if (failure != null || r.statusCode() != 202) {
                            error(failure != null ? "reader send: " + failure.getClass().getSimpleName()
                                    : "reader send: HTTP " + r.statusCode());
                        }
                    });
        }
    }

    // --- counsellors -----------------------------------------------------------------------------------------------

    final class Counsellor {
        final String email;
        final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NORMAL)
                .connectTimeout(Duration.ofSeconds(5)).build();
        final Map<Long, Integer> after = new ConcurrentHashMap<>();
        /** Chat id to the reader's index, learnt from the reader's first line ("hello rN"). */
        final Map<Long, Integer> readers = new ConcurrentHashMap<>();
        volatile JsonNode last;
        /** The waiting list's version held, sent back as chat-console.js does (the feed then leaves the list out). */
        volatile String waitingVersion;
        final AtomicInteger clientIds = new AtomicInteger();
        /** The console's poll loop, and its actions one after the other (as chat-console.js chains them). */
        final ScheduledExecutorService polls = Executors.newSingleThreadScheduledExecutor();
        final ScheduledExecutorService actions = Executors.newSingleThreadScheduledExecutor();

        Counsellor(String email) {
            this.email = email;
        }

        void signIn(String password) throws Exception {
            URI login = URI.create(base + "/admin/login");
            String page = client.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
            Matcher form = FORM.matcher(page);
            Matcher action = form.find() ? ACTION.matcher(form.group()) : null;
            if (action == null || !action.find()) {
                throw new IllegalStateException("no login form on " + login);
            }
            URI target = login.resolve(action.group(1).replace("&amp;", "&"));
            String body = "email=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(target)
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (!r.uri().getPath().equals("/admin/")) {
                throw new IllegalStateException(email + " not signed in: " + r.statusCode() + " at " + r.uri());
            }
            ObjectNode available = JSON.createObjectNode().put("action", "available").put("available", true);
            feed(available);
        }

        /** One call of the feed, as chat-console.js makes it; the answer is taken in as the console renders it. */
        JsonNode feed(ObjectNode request) throws IOException, InterruptedException {
            ObjectNode seen = request.putObject("after");
            after.forEach((id, seq) -> seen.put(Long.toString(id), seq));
            if (!request.has("waitingVersion") && waitingVersion != null) {
                request.put("waitingVersion", waitingVersion);
            }
            long start = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/admin/chat/feed"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(),
                    HttpResponse.BodyHandlers.ofString());
            timed("console feed: " + request.path("action").asText(), start);
            if (r.statusCode() != 200) {
                throw new IOException("feed " + request.path("action").asText() + ": HTTP " + r.statusCode() + " " + r.body());
            }
            JsonNode body = JSON.readTree(r.body());
            take(body);
            return body;
        }

        synchronized void take(JsonNode body) {
            last = body;
            waitingVersion = body.path("waitingVersion").asText(null);
            for (JsonNode chat : body.path("chats")) {
                long id = chat.path("id").asLong();
                for (JsonNode e : chat.path("events")) {
                    after.merge(id, e.path("seq").asInt(), Math::max);
                    if ("reader".equals(e.path("from").asText())) {
                        String text = e.path("text").asText();
                        Matcher hello = HELLO.matcher(text);
                        if (hello.matches()) {
                            readers.put(id, Integer.parseInt(hello.group(1)));
                        } else {
                            received(text, false, id + ":" + e.path("seq").asInt());
                        }
                    }
                }
                after.putIfAbsent(id, 0);
            }
        }

        /** The console's loop: the next poll a second after the previous answer. */
        void loop() {
            if (stopping) {
                return;
            }
            try {
                feed(JSON.createObjectNode().put("action", "poll"));
            } catch (IOException | RuntimeException e) {
                if (!stopping) {
                    error("counsellor poll: " + e.getClass().getSimpleName());
                }
            } catch (InterruptedException e) {
                return;
            }
            if (!stopping) {
                polls.schedule(this::loop, 1, TimeUnit.SECONDS);
            }
        }

        void send(long chat, String text) {
            try {
                feed(JSON.createObjectNode().put("action", "send").put("id", chat).put("text", text)
                        .put("clientId", "c" + Math.abs(email.hashCode()) + "-" + clientIds.incrementAndGet()));
            } catch (IOException | RuntimeException e) {
                error("counsellor send: " + e.getClass().getSimpleName());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // --- public pages ----------------------------------------------------------------------------------------------

    record Window(double perSecond, long p50Micros, long p99Micros, int errors, double portalCores, double databaseCores,
                  double driverCores, double machineCores) {
    }

    Window publicPages(int seconds) throws Exception {
        return wrkScript == null ? publicPagesInJava(seconds) : publicPagesWithWrk(seconds);
    }

    /**
     * The public pages loaded by wrk: Java's HTTP client spent more than a core on 4,000 requests a second, so the
     * public pages' throughput was the client's, not the portal's. wrk's own CPU is counted with this driver's.
     */
    Window publicPagesWithWrk(int seconds) throws Exception {
        Path paths = Files.createTempFile("chat-bench-paths", ".txt");
        Files.writeString(paths, "/ro/\n" + article + "\n");
        long[] cpu = cpu();
        int connections = Math.max(2, publicConnections);
        Process wrk = new ProcessBuilder("wrk", "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", wrkScript, base, "--", paths.toString()).redirectErrorStream(true).start();
        long wrkTicks = 0;
        StringBuilder out = new StringBuilder();
        try (var reader = wrk.inputReader()) {
            Thread drain = new Thread(() -> reader.lines().forEach(line -> out.append(line).append('\n')));
            drain.start();
            while (wrk.isAlive()) {
                wrkTicks = Math.max(wrkTicks, processTicks(wrk.pid()));
                Thread.sleep(200);
            }
            drain.join();
        }
        long[] used = cpu();
        Files.deleteIfExists(paths);
        Map<String, Long> result = new TreeMap<>();
        for (String line : out.toString().split("\n")) {
            if (line.startsWith("RESULT ")) {
                for (String pair : line.substring(7).trim().split(" ")) {
                    String[] kv = pair.split("=");
                    result.put(kv[0], Long.parseLong(kv[1]));
                }
            }
        }
        if (!result.containsKey("requests")) {
            throw new IOException("wrk printed no RESULT line: " + out);
        }
        return new Window(result.get("requests") / (result.get("duration_us") / 1e6), result.get("p50_us"),
                result.get("p99_us"), Math.toIntExact(result.get("errors")), (used[0] - cpu[0]) / 100.0 / seconds,
                (used[1] - cpu[1]) / 100.0 / seconds, (used[2] - cpu[2] + wrkTicks) / 100.0 / seconds,
                (used[3] - cpu[3]) / 100.0 / seconds);
    }

    Window publicPagesInJava(int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        long[] cpu = cpu();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < publicConnections; t++) {
            int first = t;
            Thread thread = new Thread(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(5)).build();
                int n = first;
                while (System.nanoTime() < end) {
                    n++;
                    String path = n % 2 == 0 ? "/ro/" : article;
                    long start = System.nanoTime();
                    try {
                        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create(base + path))
                                .timeout(Duration.ofSeconds(10)).header("User-Agent", AGENT)
                                .header("X-Forwarded-For", "10.77." + (n % 16) + "." + (n * 7 % 16 + 1)).build(),
                                HttpResponse.BodyHandlers.ofByteArray());
                        if (r.statusCode() == 200) {
                            latencies.add((System.nanoTime() - start) / 1_000);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failures.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread t : threads) {
            t.join();
        }
        long[] used = cpu();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Window(sorted.size() / (double) seconds, percentile(sorted, 50), percentile(sorted, 99), failures.get(),
                (used[0] - cpu[0]) / 100.0 / seconds, (used[1] - cpu[1]) / 100.0 / seconds,
                (used[2] - cpu[2]) / 100.0 / seconds, (used[3] - cpu[3]) / 100.0 / seconds);
    }

    /** CPU ticks (1/100 s) used so far by the portal, the database server, this driver and the whole machine. */
    long[] cpu() {
        long machine = 0;
        try {
            String[] all = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            for (int i = 1; i < all.length; i++) {
                if (i != 4 && i != 5) { // idle, iowait
                    machine += Long.parseLong(all[i]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: no CPU figures
        }
        return new long[] {processTicks(serverPid), processTicks(databasePid), processTicks(ProcessHandle.current().pid()),
                machine};
    }

    /** User and system ticks of a process so far; 0 when unknown. */
    static long processTicks(long pid) {
        if (pid <= 0) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    // --- the run ---------------------------------------------------------------------------------------------------

    void run(List<String> emails, String password) throws Exception {
        say("public pages alone: " + publicWarmup + " s warm-up, " + duration + " s measured, " + publicConnections
                + " connections");
        publicPages(publicWarmup);
        Window before = publicPages(duration);
        say(String.format(Locale.ROOT, "  %.1f req/s", before.perSecond()));

        List<Counsellor> counsellors = new ArrayList<>();
        for (String email : emails) {
            Counsellor c = new Counsellor(email);
            c.signIn(password);
            counsellors.add(c);
        }
        say(counsellors.size() + " counsellors signed in and available");
        for (Counsellor c : counsellors) {
            c.polls.schedule(c::loop, 1, TimeUnit.SECONDS);
        }

        List<Reader> active = new ArrayList<>();
        for (int i = 0; i < chats; i++) {
            Reader r = new Reader(i);
            r.start();
            r.send("hello r" + i);
            active.add(r);
        }
        // Accepting: each counsellor in turn takes the head of the queue until every chat is held.
        Map<Long, Counsellor> holder = new ConcurrentHashMap<>();
        long deadline = System.nanoTime() + 60_000_000_000L;
        int turn = 0;
        int capacity = Math.max(1, (chats + counsellors.size() - 1) / counsellors.size());
        while (holder.size() < chats) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + holder.size() + " chats accepted within 60 s");
            }
            Counsellor c = counsellors.get(turn++ % counsellors.size());
            if (c.after.size() >= capacity) {
                continue;
            }
            // No version sent: the warm-up wants the list itself, to accept its head.
            JsonNode feed = c.feed(JSON.createObjectNode().put("action", "poll").putNull("waitingVersion"));
            JsonNode head = feed.path("waiting").path(0);
            if (head.isMissingNode()) {
                Thread.sleep(100);
                continue;
            }
            try {
                c.feed(JSON.createObjectNode().put("action", "accept").put("id", head.path("id").asLong()));
                holder.put(head.path("id").asLong(), c);
            } catch (IOException e) {
                say("  accept refused (" + e.getMessage() + "), trying again");
            }
        }
        // Every held chat known by its reader (the first line).
        deadline = System.nanoTime() + 30_000_000_000L;
        Map<Integer, long[]> route = new TreeMap<>();
        while (route.size() < chats) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + route.size() + " chats matched to their readers");
            }
            route.clear();
            for (Counsellor c : counsellors) {
                c.readers.forEach((chat, reader) -> route.put(reader, new long[] {chat, counsellors.indexOf(c)}));
            }
            Thread.sleep(200);
        }
        say(chats + " chats active");

        List<Reader> waiting = new CopyOnWriteArrayList<>();
        for (int i = 0; i < waitingReaders; i++) {
            Reader r = new Reader(chats + i);
            r.start();
            waiting.add(r);
        }
        say(waitingReaders + " readers waiting in the queue, in long-poll");

        // Messages: RATE a second in total, every other one each way, round-robin over the chats.
        AtomicLong tick = new AtomicLong();
        ScheduledExecutorService senders = Executors.newSingleThreadScheduledExecutor();
        senders.scheduleAtFixedRate(() -> {
            long n = tick.getAndIncrement();
            int reader = (int) (n / 2 % chats);
            long[] where = route.get(reader);
            if (n % 2 == 0) {
                active.get(reader).send(newMessage(false) + " de la cititor");
            } else {
                Counsellor c = counsellors.get((int) where[1]);
                String text = newMessage(true) + " de la consultant";
                c.actions.execute(() -> c.send(where[0], text));
            }
        }, 0, 1_000_000 / rate, TimeUnit.MICROSECONDS);
        say("messages at " + rate + "/s; " + warmup + " s warm-up");
        Thread.sleep(warmup * 1000L);
        measuring = true;
        errors.clear();
        say("measuring for " + duration + " s, with the public pages");
        Window during = publicPages(duration);
        measuring = false;
        senders.shutdown();
        senders.awaitTermination(10, TimeUnit.SECONDS);
        Thread.sleep(3000);
        long lost = inFlight.values().stream().filter(Sent::measured).count();
        long stillWaiting = waiting.stream().filter(r -> "queued".equals(r.state)).count();
        long stillActive = active.stream().filter(r -> "active".equals(r.state)).count();
        stopping = true;

        List<Long> all = new ArrayList<>();
        List<Long> c2r;
        List<Long> r2c;
        synchronized (toReader) {
            c2r = new ArrayList<>(toReader);
        }
        synchronized (toCounsellor) {
            r2c = new ArrayList<>(toCounsellor);
        }
        all.addAll(c2r);
        all.addAll(r2c);
        Collections.sort(all);
        Collections.sort(c2r);
        Collections.sort(r2c);
        int errorCount = errors.values().stream().mapToInt(AtomicInteger::get).sum();
        double ratio = before.perSecond() > 0 ? during.perSecond() / before.perSecond() : 0;

        System.out.println("RESULT sent=" + sentMeasured.get() + " delivered=" + all.size() + " lost=" + lost
                + " duplicates=" + duplicates.get() + " errors=" + errorCount
                + " p50_ms=" + ms(percentile(all, 50)) + " p95_ms=" + ms(percentile(all, 95))
                + " p99_ms=" + ms(percentile(all, 99)) + " max_ms=" + ms(all.isEmpty() ? -1 : all.get(all.size() - 1))
                + String.format(Locale.ROOT, " public_before=%.1f public_during=%.1f public_ratio=%.3f",
                        before.perSecond(), during.perSecond(), ratio));
        System.out.println();
        System.out.println("| delivery (sent → shown on the other side's next poll) | messages | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        row("counsellor → reader (reader's long-poll)", c2r);
        row("reader → counsellor (console's feed, a poll a second)", r2c);
        row("**both ways**", all);
        System.out.println();
        System.out.println("| public pages (`/ro/` and an article in turn, " + (wrkScript == null ? publicConnections
                + " connections of Java's client, " : Math.max(2, publicConnections) + " connections of wrk, ") + duration
                + " s) | req/s | p50 ms | p99 ms | errors | portal cores | MariaDB cores | driver cores | machine cores |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        pub("before the chat load", before);
        pub("during the chat load", during);
        System.out.println();
        System.out.printf(Locale.ROOT, "| figure | measured | target | |%n| --- | --- | --- | --- |%n");
        target("delivery p95", ms(percentile(all, 95)) + " ms", "under 1,000 ms", percentile(all, 95) >= 0
                && percentile(all, 95) < 1_000_000);
        target("delivery p99", ms(percentile(all, 99)) + " ms", "under 2,000 ms", percentile(all, 99) >= 0
                && percentile(all, 99) < 2_000_000);
        target("errors (any non-2xx or I/O failure, a chat ended, a message lost or shown twice)",
                errorCount + " errors, " + lost + " lost, " + duplicates.get() + " twice", "0",
                errorCount == 0 && lost == 0 && duplicates.get() == 0);
        target("public pages during / before", String.format(Locale.ROOT, "%.0f %%", 100 * ratio), "at least 80 %",
                ratio >= 0.8);
        target("chats still active / readers still queued at the end", stillActive + " / " + chats + ", "
                + stillWaiting + " / " + waitingReaders, "all", stillActive == chats && stillWaiting == waitingReaders);
        System.out.println();
        System.out.println("| request (measured window) | count | p50 ms | p95 ms | p99 ms | max ms |");
        System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
        new TreeMap<>(timings).forEach((kind, list) -> {
            List<Long> sorted;
            synchronized (list) {
                sorted = new ArrayList<>(list);
            }
            Collections.sort(sorted);
            row(kind, sorted);
        });
        if (!errors.isEmpty()) {
            System.out.println();
            System.out.println("Errors by kind: " + new TreeMap<>(errors));
        }
        timers.shutdownNow();
        for (Counsellor c : counsellors) {
            c.polls.shutdownNow();
            c.actions.shutdownNow();
        }
    }

    static String ms(long micros) {
        return micros < 0 ? "-" : String.format(Locale.ROOT, "%.0f", micros / 1000.0);
    }

    static void row(String label, List<Long> sorted) {
        System.out.println("| " + label + " | " + sorted.size() + " | " + ms(percentile(sorted, 50)) + " | "
                + ms(percentile(sorted, 95)) + " | " + ms(percentile(sorted, 99)) + " | "
                + ms(sorted.isEmpty() ? -1 : sorted.get(sorted.size() - 1)) + " |");
    }

    static void pub(String label, Window w) {
        System.out.printf(Locale.ROOT, "| %s | %.1f | %s | %s | %d | %.2f | %.2f | %.2f | %.2f |%n", label, w.perSecond(),
                ms(w.p50Micros()), ms(w.p99Micros()), w.errors(), w.portalCores(), w.databaseCores(), w.driverCores(),
                w.machineCores());
    }

    static void target(String figure, String measured, String target, boolean met) {
        System.out.println("| " + figure + " | " + measured + " | " + target + " | " + (met ? "met" : "**not met**") + " |");
    }

    static void say(String text) {
        System.err.printf("[chat-load %tT] %s%n", System.currentTimeMillis(), text);
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: ChatLoad BASE_URL COUNSELLORS_FILE PASSWORD [--chats N] [--waiting N] [--rate N]"
                    + " [--warmup S] [--duration S] [--public-warmup S] [--public-connections N] [--article PATH]"
                    + " [--server-pid PID] [--db-pid PID] [--wrk-script FILE]");
            System.exit(2);
        }
        Map<String, String> options = new TreeMap<>();
        for (int i = 3; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        ChatLoad load = new ChatLoad(args[0].replaceAll("/+$", ""), options);
        List<String> emails = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        load.run(emails, args[2]);
        System.exit(0);
    }
}
