package md.migratiesigura.portal.web.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small HTTP/1.1 load balancer on loopback, in the role nginx has in production (docs/cluster.md); unlike
 * {@link LoopbackProxy}, which copies connections to the first live node, it balances: one request per
 * connection (it asks the node to close after the answer), the next node in turn for a request without a session
 * cookie, always the same node for one session cookie (as nginx's {@code hash $cookie_… consistent}), and the next node
 * when the chosen one refuses the connection. A request already sent to a node that dies fails (the client sees the
 * connection closed), as it would behind nginx. Request bodies with a Content-Length only (what browsers and the
 * test's readers send).
 */
final class BalancingProxy implements AutoCloseable {

    private static final Pattern SESSION = Pattern.compile("(?im)^Cookie:.*\\bPORTAL_SESSION=([^;\\r\\n]+)");
    private static final Pattern LENGTH = Pattern.compile("(?im)^Content-Length:\\s*(\\d+)");
    private static final int CONNECT_TIMEOUT_MILLIS = 1_000;

    private final ServerSocket server;
    private final List<IntSupplier> backends;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService connections = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "proxy");
        t.setDaemon(true);
        return t;
    });
    /** Per node: when it answered a pageview (GET /ro/… or /ru/…) with 200, in nanoTime. */
    private final List<ConcurrentLinkedQueue<Long>> pageviews = new CopyOnWriteArrayList<>();
    private final AtomicInteger failedOver = new AtomicInteger();

    /** @param backends the nodes' current ports (a node started again may listen on another) */
    BalancingProxy(List<IntSupplier> backends) throws IOException {
        this.backends = backends;
        for (int i = 0; i < backends.size(); i++) {
            pageviews.add(new ConcurrentLinkedQueue<>());
        }
        server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The proxy's address; 127.0.0.1, so that a browser keeps its cookies apart from the nodes' (localhost). */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Pageviews node {@code node} answered within the given nanoTime interval. */
    long pageviewsBetween(int node, long from, long to) {
        return pageviews.get(node).stream().filter(t -> t >= from && t <= to).count();
    }

    /** Requests sent to another node than the chosen one because the chosen one refused the connection. */
    int failedOver() {
        return failedOver.get();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                connections.execute(() -> serve(client));
            } catch (IOException e) {
                // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            client.setSoTimeout(30_000);
            InputStream in = new BufferedInputStream(client.getInputStream());
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            Matcher length = LENGTH.matcher(text);
            byte[] body = in.readNBytes(length.find() ? Integer.parseInt(length.group(1)) : 0);
            byte[] request = closing(text).getBytes(StandardCharsets.ISO_8859_1);
            Matcher session = SESSION.matcher(text);
            int first = session.find() ? Math.floorMod(session.group(1).hashCode(), backends.size())
                    : Math.floorMod(next.getAndIncrement(), backends.size());
            for (int i = 0; i < backends.size(); i++) {
                int node = (first + i) % backends.size();
                Socket backend = new Socket();
                try {
                    backend.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backends.get(node).getAsInt()),
                            CONNECT_TIMEOUT_MILLIS);
                } catch (IOException | IllegalArgumentException refused) {
                    backend.close();
                    failedOver.incrementAndGet();
                    continue;
                }
                try (backend) {
                    backend.setSoTimeout(30_000);
                    OutputStream toBackend = backend.getOutputStream();
                    toBackend.write(request);
                    toBackend.write(body);
                    toBackend.flush();
                    relay(backend.getInputStream(), client.getOutputStream(), node, text);
                }
                return;
            }
            client.getOutputStream().write(("HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            // the client or the node went away: the client sees its connection closed
        }
    }

    /** Copies the node's answer to the client until the node closes; notes a pageview answered 200. */
    private void relay(InputStream from, OutputStream to, int node, String request) throws IOException {
        byte[] buffer = new byte[16 * 1024];
        int n = from.read(buffer);
        if (n < 0) {
            throw new IOException("the node closed without answering");
        }
        String status = new String(buffer, 0, Math.min(n, 12), StandardCharsets.ISO_8859_1);
        boolean pageview = request.startsWith("GET /ro/") || request.startsWith("GET /ru/");
        do {
            to.write(buffer, 0, n);
        } while ((n = from.read(buffer)) >= 0);
        to.flush();
        if (pageview && status.startsWith("HTTP/1.1 200")) {
            pageviews.get(node).add(System.nanoTime());
        }
    }

    /** The request head with "Connection: close" instead of whatever the client asked, without hop-by-hop headers. */
    private static String closing(String head) {
        StringBuilder out = new StringBuilder();
        for (String line : head.split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            // Hop-by-hop headers stay with this hop (as nginx does), an offer to upgrade to HTTP/2 included.
            if (line.isEmpty() || lower.startsWith("connection:") || lower.startsWith("keep-alive:")
                    || lower.startsWith("upgrade:") || lower.startsWith("http2-settings:")) {
                continue;
            }
            out.append(line).append("\r\n");
        }
        return out.append("Connection: close\r\n\r\n").toString();
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return head.toByteArray();
            }
            if (head.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() throws IOException {
        server.close();
        connections.shutdownNow();
    }
}
