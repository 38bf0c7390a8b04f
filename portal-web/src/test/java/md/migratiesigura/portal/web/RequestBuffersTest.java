package md.migratiesigura.portal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jetty.io.RetainableByteBuffer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.junit.jupiter.api.Test;

/**
 * Parked long-polls hold their request buffers: those are never the pool's, so that the buffers the pages take
 * (their response headers, of the same size) stay free to find, however many readers wait.
 */
class RequestBuffersTest {

    @Test
    void requestBuffersAreNewHeapArraysAndHeldOnesLeaveThePoolAlone() {
        RequestBuffers buffers = new RequestBuffers();
        List<RetainableByteBuffer> parked = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            parked.add(buffers.acquire(RequestBuffers.SIZE, false));
        }
        assertFalse(parked.get(0).getByteBuffer().isDirect());

        // A page's response headers: the same size, direct, taken and given back: the pool hands the same one again.
        RetainableByteBuffer headers = buffers.acquire(RequestBuffers.SIZE, true);
        ByteBuffer first = headers.getByteBuffer();
        headers.release();
        RetainableByteBuffer again = buffers.acquire(RequestBuffers.SIZE, true);
        assertSame(first, again.getByteBuffer(), "the pool's buffer is reused while 600 request buffers are held");
        again.release();

        RetainableByteBuffer request = parked.remove(0);
        ByteBuffer released = request.getByteBuffer();
        request.release();
        assertNotSame(released, buffers.acquire(RequestBuffers.SIZE, false).getByteBuffer(), "a request buffer is new");
        parked.forEach(RetainableByteBuffer::release);
    }

    @Test
    void connectionsReadIntoHeapBuffersOfThatSize() {
        HttpConfiguration http = new HttpConfiguration();
        var factory = RequestBuffers.connections(http);
        assertFalse(http.isUseInputDirectByteBuffers());
        assertEquals(RequestBuffers.SIZE, factory.getInputBufferSize());
    }
}
