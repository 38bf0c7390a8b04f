import java.io.IOException;
import java.lang.management.ManagementFactory;
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
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Closed-loop load on the portal's search API: N clients, each sending its next request as soon as the previous
 * answer is read, over HTTP/1.1 keep-alive connections, rotating through a fixed list of real queries.
 *
 * <pre>java deploy/bench/SearchLoad.java BASE_URL [--clients 1,16] [--rates 50,200] [--warmup 20] [--duration 20]
 *                                        [--server-pid PID] [--out results.md]</pre>
 *
 * First every query is sent once and its answer shown (hits, suggestion, time), so a reader can see that the
 * queries find something; then, for each client count, a warm-up whose samples are discarded and a measured
 * window; then the same for each open-loop arrival rate ({@code --rates}, none by default), where requests are due
 * at fixed intervals whether or not the portal keeps up. Every latency is kept and sorted (no histogram library): p50, p90, p99, max. An error is any answer
 * other than 200 with a JSON body holding "hits", or any I/O failure; the exit code is 1 when there was one.
 */
public final class SearchLoad {

    /** lang, query: Romanian with and without diacritics, inflected forms, Russian, phrases, misspellings. */
    static final String[][] QUERIES = {
            {"ro", "pașaport"},
            {"ro", "pasaport"},
            {"ro", "pașaportul"},
            {"ro", "contract de muncă"},
            {"ro", "contract de munca"},
            {"ro", "contractului"},
            {"ro", "\"contract de muncă\""},
            {"ro", "agenție de recrutare"},
            {"ro", "agentie recrutare"},
            {"ro", "agențiile licențiate"},
            {"ro", "licența agenției"},
            {"ro", "viză"},
            {"ro", "fara viza"},
            {"ro", "\"fără viză\""},
            {"ro", "permis de muncă"},
            {"ro", "muncă în străinătate"},
            {"ro", "munca in strainatate"},
            {"ro", "trafic de persoane"},
            {"ro", "exploatare prin muncă"},
            {"ro", "servitute pentru datorii"},
            {"ro", "linia fierbinte"},
            {"ro", "ambasada Republicii Moldova"},
            {"ro", "salariul angajatorului"},
            {"ro", "cazare și transport"},
            {"ro", "întoarcere acasă"},
            {"ro", "Germania"},
            {"ro", "Italia îngrijire"},
            {"ro", "Israel construcții"},
            {"ro", "pasapotr"},
            {"ro", "contarct munca"},
            {"ru", "паспорт"},
            {"ru", "паспорта"},
            {"ru", "трудовой договор"},
            {"ru", "договора"},
            {"ru", "\"трудовой договор\""},
            {"ru", "виза"},
            {"ru", "работа за рубежом"},
            {"ru", "лицензия агентства"},
            {"ru", "торговля людьми"},
            {"ru", "горячая линия"},
            {"ru", "посольство Молдовы"},
            {"ru", "зарплата и жильё"},
            {"ru", "агенство"},
    };

    private static final Pattern TOTAL = Pattern.compile("\"total\"\\s*:\\s*(\\d+)");
    private static final Pattern SUGGESTION = Pattern.compile("\"suggestion\"\\s*:\\s*(null|\"((?:[^\"\\\\]|\\\\.)*)\")");

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java SearchLoad.java BASE_URL [--clients 1,16] [--rates 50,200] [--warmup 20]"
                    + " [--duration 20] [--server-pid PID] [--out FILE]");
            System.exit(2);
        }
        String base = args[0].replaceAll("/+$", "");
        int[] clients = {1, 16};
        int warmup = 20;
        int duration = 20;
        int[] rates = {};
        long serverPid = -1;
        Path out = null;
        for (int i = 1; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = args[i + 1].isBlank() ? new int[0]
                        : Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--duration" -> duration = Integer.parseInt(args[i + 1]);
                case "--rates" -> rates = args[i + 1].isBlank() ? new int[0]
                        : Arrays.stream(args[i + 1].split(",")).mapToInt(Integer::parseInt).toArray();
                case "--server-pid" -> serverPid = Long.parseLong(args[i + 1]);
                case "--out" -> out = Path.of(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        URI[] uris = new URI[QUERIES.length];
        for (int i = 0; i < QUERIES.length; i++) {
            uris[i] = URI.create(base + "/api/v1/search?lang=" + QUERIES[i][0] + "&q="
                    + URLEncoder.encode(QUERIES[i][1], StandardCharsets.UTF_8));
        }
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        StringBuilder report = new StringBuilder();
        long errors = checkQueries(client, uris, report);

        Rows closed = new Rows();
        for (int n : clients) {
            closed.add(run(client, uris, n, warmup, duration, serverPid), n + " client(s)");
        }
        report.append("\n### Load: ").append(QUERIES.length).append(" queries in rotation, ").append(warmup)
                .append(" s warm-up (discarded) then ").append(duration).append(" s measured per row\n\n");
        report.append(tableHead("clients"));
        closed.rows.forEach(r -> report.append(r).append('\n'));
        Rows open = new Rows();
        if (rates.length > 0) {
            for (int rate : rates) {
                open.add(openLoop(client, uris, rate, warmup, duration, serverPid), rate + " req/s arriving");
            }
            report.append("\n### Open loop: requests arrive at a fixed rate, whether or not earlier ones were answered\n\n");
            report.append("Latency is counted from the moment each request was due, so time spent waiting behind a slow"
                    + " answer counts too. ").append(warmup).append(" s warm-up, ").append(duration).append(" s measured.\n\n");
            report.append(tableHead("arrivals (req/s)"));
            open.rows.forEach(r -> report.append(r).append('\n'));
        }
        errors += closed.errors + open.errors;
        double busiest = Math.max(closed.busiest, open.busiest);
        if (busiest > 0.3) {
            report.append(String.format(Locale.ROOT, "%nOther processes kept up to %.2f of the machine's %d cores busy during"
                    + " a measured window: the portal did not have the machine to itself, and these figures are worse"
                    + " than it alone would give.%n", busiest, Runtime.getRuntime().availableProcessors()));
        }
        System.out.println();
        System.out.print(report);
        if (out != null) {
            Files.writeString(out, report.toString(), StandardCharsets.UTF_8);
        }
        System.exit(errors == 0 ? 0 : 1);
    }

    /** Sends each query once, in order, and tabulates what came back. */
    private static long checkQueries(HttpClient client, URI[] uris, StringBuilder report) {
        long errors = 0;
        report.append("### The queries (each sent once, cold, before the load)\n\n");
        report.append("| lang | q | total | suggestion | ms |\n| --- | --- | ---: | --- | ---: |\n");
        for (int i = 0; i < uris.length; i++) {
            long start = System.nanoTime();
            String total;
            String suggestion = "";
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(uris[i]).GET().build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                if (!ok(response.statusCode(), response.body())) {
                    errors++;
                    total = "HTTP " + response.statusCode();
                } else {
                    Matcher m = TOTAL.matcher(response.body());
                    total = m.find() ? m.group(1) : "?";
                    // The portal counts matches up to 1,000 and says so.
                    if (response.body().contains("\"totalExact\":false")) {
                        total = "more than " + total;
                    }
                    Matcher s = SUGGESTION.matcher(response.body());
                    if (s.find() && s.group(2) != null) {
                        suggestion = s.group(2);
                    }
                }
            } catch (IOException | InterruptedException e) {
                errors++;
                total = e.getClass().getSimpleName();
            }
            double ms = (System.nanoTime() - start) / 1e6;
            report.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.1f |%n", QUERIES[i][0],
                    QUERIES[i][1].replace("|", "\\|"), total, suggestion, ms));
        }
        System.out.print(report);
        return errors;
    }

    /** The rows of one table, with what they add up to: errors, and the most other processes used. */
    private static final class Rows {
        final List<String> rows = new ArrayList<>();
        long errors;
        double busiest;

        void add(Phase phase, String label) {
            errors += phase.errors;
            rows.add(phase.row());
            busiest = Math.max(busiest, phase.otherCores());
            System.out.println("  " + label + ": " + phase.row());
        }
    }

    private static String tableHead(String first) {
        return "| " + first + " | requests | throughput (req/s) | p50 (ms) | p90 (ms) | p99 (ms) | max (ms) | errors"
                + " | CPU: portal / load generator / rest of machine (cores of "
                + Runtime.getRuntime().availableProcessors() + ") |\n"
                + "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |\n";
    }

    /** One request: whether a good answer came back (an I/O failure is a bad answer). */
    private static boolean fetch(HttpClient client, URI uri) throws InterruptedException {
        try {
            HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return ok(response.statusCode(), response.body());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean ok(int status, String body) {
        return status == 200 && body.startsWith("{") && body.contains("\"hits\"");
    }

    /** One closed-loop run with n clients. */
    private static Phase run(HttpClient client, URI[] uris, int n, int warmupSeconds, int durationSeconds,
                             long serverPid) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long[][] samples = new long[n][];
        int[] counts = new int[n];
        long t0 = System.nanoTime();
        long measureFrom = t0 + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + durationSeconds * 1_000_000_000L;
        CountDownLatch done = new CountDownLatch(n);
        Cpu[] cpuAt = new Cpu[2];
        Thread sampler = new Thread(() -> {
            try {
                sleepUntil(measureFrom);
                cpuAt[0] = Cpu.now(serverPid);
                sleepUntil(measureTo);
                cpuAt[1] = Cpu.now(serverPid);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "cpu-sampler");
        sampler.start();
        for (int t = 0; t < n; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                long[] mine = new long[8192];
                int count = 0;
                try {
                    while (true) {
                        long start = System.nanoTime();
                        if (start >= measureTo) {
                            break;
                        }
                        URI uri = uris[(int) (next.getAndIncrement() % uris.length)];
                        boolean fine;
                        try {
                            fine = fetch(client, uri);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                        long took = System.nanoTime() - start;
                        if (start >= measureFrom) {
                            if (!fine) {
                                errors.incrementAndGet();
                            }
                            if (count == mine.length) {
                                mine = Arrays.copyOf(mine, count * 2);
                            }
                            mine[count++] = took;
                        } else if (!fine) {
                            errors.incrementAndGet();
                        }
                    }
                } finally {
                    samples[id] = mine;
                    counts[id] = count;
                    done.countDown();
                }
            }, "client-" + t);
            worker.start();
        }
        done.await();
        sampler.join();
        int total = 0;
        for (int c : counts) {
            total += c;
        }
        long[] all = new long[total];
        int at = 0;
        for (int t = 0; t < n; t++) {
            System.arraycopy(samples[t], 0, all, at, counts[t]);
            at += counts[t];
        }
        Arrays.sort(all);
        return new Phase(n, all, durationSeconds, errors.get(), cpuAt[0], cpuAt[1]);
    }

    /**
     * One open-loop run: a request is due every 1/rate seconds and is sent by one of 64 sender threads; its latency
     * runs from when it was due to when its answer was read (no coordinated omission).
     */
    private static Phase openLoop(HttpClient client, URI[] uris, int rate, int warmupSeconds, int durationSeconds,
                                  long serverPid) throws InterruptedException {
        long interval = 1_000_000_000L / rate;
        long t0 = System.nanoTime();
        long measureFrom = t0 + warmupSeconds * 1_000_000_000L;
        long measureTo = measureFrom + durationSeconds * 1_000_000_000L;
        java.util.concurrent.ConcurrentLinkedQueue<Long> measured = new java.util.concurrent.ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(64);
        Cpu[] cpuAt = new Cpu[2];
        long due = t0;
        for (long i = 0; due < measureTo; i++, due = t0 + i * interval) {
            sleepUntil(due);
            if (cpuAt[0] == null && due >= measureFrom) {
                cpuAt[0] = Cpu.now(serverPid);
            }
            long dueAt = due;
            URI uri = uris[(int) (i % uris.length)];
            senders.execute(() -> {
                boolean fine;
                try {
                    fine = fetch(client, uri);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                if (!fine) {
                    errors.incrementAndGet();
                }
                if (dueAt >= measureFrom) {
                    measured.add(System.nanoTime() - dueAt);
                }
            });
        }
        cpuAt[1] = Cpu.now(serverPid);
        senders.shutdown();
        senders.awaitTermination(60, java.util.concurrent.TimeUnit.SECONDS);
        long[] all = measured.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Phase(rate, all, durationSeconds, errors.get(), cpuAt[0], cpuAt[1]);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            java.util.concurrent.locks.LockSupport.parkNanos(left);
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    record Phase(int clients, long[] sorted, int seconds, long errors, Cpu from, Cpu to) {

        String row() {
            return String.format(Locale.ROOT, "| %d | %d | %.1f | %.2f | %.2f | %.2f | %.2f | %d | %s |", clients,
                    sorted.length, sorted.length / (double) seconds, pct(0.50), pct(0.90), pct(0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6, errors, cpu());
        }

        /** The nearest-rank percentile, in milliseconds. */
        double pct(double p) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * sorted.length);
            return sorted[Math.max(0, rank - 1)] / 1e6;
        }

        /** Cores used by everything but the portal and this load generator during the window; 0 when unknown. */
        double otherCores() {
            if (from == null || to == null || to.wallNanos <= from.wallNanos || from.busyTicks < 0 || from.serverTicks < 0) {
                return 0;
            }
            double wall = (to.wallNanos - from.wallNanos) / 1e9;
            double server = (to.serverTicks - from.serverTicks) / Cpu.HZ / wall;
            double self = (to.selfNanos - from.selfNanos) / 1e9 / wall;
            return Math.max(0, (to.busyTicks - from.busyTicks) / Cpu.HZ / wall - server - self);
        }

        String cpu() {
            if (from == null || to == null || to.wallNanos <= from.wallNanos) {
                return "n/a";
            }
            double wall = (to.wallNanos - from.wallNanos) / 1e9;
            double server = from.serverTicks < 0 ? Double.NaN : (to.serverTicks - from.serverTicks) / Cpu.HZ / wall;
            double self = (to.selfNanos - from.selfNanos) / 1e9 / wall;
            double busy = from.busyTicks < 0 ? Double.NaN : (to.busyTicks - from.busyTicks) / Cpu.HZ / wall;
            double rest = Double.isNaN(server) || Double.isNaN(busy) ? Double.NaN : Math.max(0, busy - server - self);
            return String.format(Locale.ROOT, "%.2f / %.2f / %.2f", server, self, rest);
        }
    }

    /** CPU time so far: the portal's (from /proc/PID/stat), this JVM's, and the whole machine's busy time. */
    record Cpu(long wallNanos, long serverTicks, long selfNanos, long busyTicks) {

        static final double HZ = 100.0; // USER_HZ: 100 on Linux on every common architecture

        static Cpu now(long serverPid) {
            long server = -1;
            long busy = -1;
            try {
                if (serverPid > 0) {
                    String stat = Files.readString(Path.of("/proc/" + serverPid + "/stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    server = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                }
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                // user nice system idle iowait irq softirq steal: busy = all but idle and iowait
                busy = 0;
                for (int i = 1; i <= 8 && i < cpu.length; i++) {
                    if (i != 4 && i != 5) {
                        busy += Long.parseLong(cpu[i]);
                    }
                }
            } catch (IOException | RuntimeException e) {
                // Not Linux, or the portal is gone: the CPU column says n/a.
            }
            long self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
            return new Cpu(System.nanoTime(), server, self, busy);
        }
    }
}
