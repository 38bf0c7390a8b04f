package md.migratiesigura.portal.web.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy on 127.0.0.1 in front of several portal nodes, as nginx sits in front of them in production: each new
 * connection goes to the first node that accepts it, in the order given, so that while the first node lives every
 * request reaches it, and once it is dead (connection refused) the next one takes over. Bytes are copied as they
 * come, both ways; when either side closes, both are closed.
 */
final class LoopbackProxy implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> ports;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    /** Connections made, per node port. */
    private final ConcurrentHashMap<Integer, AtomicInteger> connections = new ConcurrentHashMap<>();
    private volatile boolean closed;

    LoopbackProxy(List<Integer> nodePorts) throws IOException {
        this.ports = List.copyOf(nodePorts);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "loopback-proxy");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String baseUrl() {
        return "http://localhost:" + server.getLocalPort();
    }

    int connectionsTo(int port) {
        AtomicInteger n = connections.get(port);
        return n == null ? 0 : n.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Thread t = new Thread(() -> connect(client), "loopback-proxy-connect");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void connect(Socket client) {
        for (int port : ports) {
            Socket node = new Socket();
            try {
                node.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            } catch (IOException refused) {
                quietly(node);
                continue;
            }
            connections.computeIfAbsent(port, p -> new AtomicInteger()).incrementAndGet();
            open.add(client);
            open.add(node);
            pump(client, node);
            pump(node, client);
            return;
        }
        quietly(client);
    }

    private void pump(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream()) {
                OutputStream out = to.getOutputStream();
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                quietly(from);
                quietly(to);
            }
        }, "loopback-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    private void quietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closed already
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException e) {
            // closed already
        }
        for (Socket s : open) {
            quietly(s);
        }
    }
}
