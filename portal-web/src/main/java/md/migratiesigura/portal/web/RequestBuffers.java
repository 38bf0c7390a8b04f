package md.migratiesigura.portal.web;

import org.eclipse.jetty.io.ArrayByteBufferPool;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;

/**
 * The server's buffers: Jetty's pool, except for the connections' request buffers, which are new arrays each time.
 * <p>
 * A request answered asynchronously (a reader's long-poll, parked up to 25 s) keeps its connection's request buffer
 * until it completes. With hundreds of readers waiting, those buffers held the first 256 places of the pool's bucket
 * of their size, which Jetty scans on every acquire before it looks further; and every public page then scanned
 * them twice, for its own request buffer and for its response headers (the same size). In {@code chat-bench.sh} that
 * scan took 10 % of the portal's CPU during the chat (1.4 % before it). Request buffers are therefore heap buffers,
 * apart from the direct buffers of the responses, and not pooled: a new 8 KB array per request costs less than the
 * scan, and parked requests no longer hold anything the pages need.
 */
final class RequestBuffers implements ByteBufferPool {

    /** A connection's request buffer (Jetty's default size). */
    static final int SIZE = 8 * 1024;

    private final ArrayByteBufferPool pool = new ArrayByteBufferPool();

    /** The connections' factory, with request buffers of {@link #SIZE} on the heap. */
    static HttpConnectionFactory connections(HttpConfiguration http) {
        http.setUseInputDirectByteBuffers(false);
        HttpConnectionFactory factory = new HttpConnectionFactory(http);
        factory.setInputBufferSize(SIZE);
        return factory;
    }

    @Override
    public RetainableByteBuffer.Mutable acquire(int size, boolean direct) {
        return !direct && size == SIZE ? NON_POOLING.acquire(size, false) : pool.acquire(size, direct);
    }

    @Override
    public void clear() {
        pool.clear();
    }
}
