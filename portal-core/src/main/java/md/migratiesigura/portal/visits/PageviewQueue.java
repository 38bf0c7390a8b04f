package md.migratiesigura.portal.visits;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The bounded hand-over between request threads and the counter's background thread, without a lock: a lock-free
 * linked queue whose size is kept in an atomic counter. An offer beyond the capacity is refused at once (the caller
 * drops the pageview and counts the drop); nothing ever waits.
 */
final class PageviewQueue {

    private final ConcurrentLinkedQueue<RawPageview> items = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final int capacity;

    PageviewQueue(int capacity) {
        this.capacity = capacity;
    }

    /** Adds the pageview unless the queue is full; never blocks. */
    boolean offer(RawPageview pageview) {
        if (size.get() >= capacity) {
            return false;
        }
        if (size.incrementAndGet() > capacity) {
            size.decrementAndGet();
            return false;
        }
        items.offer(pageview);
        return true;
    }

    /** The oldest pageview, or null; only the counter's digesting (one thread at a time) takes. */
    RawPageview poll() {
        RawPageview next = items.poll();
        if (next != null) {
            size.decrementAndGet();
        }
        return next;
    }

    int size() {
        return size.get();
    }
}
