package md.migratiesigura.portal.account;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** Every slot of a {@link HashingSlots} taken by threads that wait, as a burst of logins would, until closed. */
public final class HeldSlots implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService holders;

    private HeldSlots(HashingSlots slots) throws InterruptedException {
        holders = Executors.newFixedThreadPool(slots.size());
        CountDownLatch held = new CountDownLatch(slots.size());
        for (int i = 0; i < slots.size(); i++) {
            holders.submit(() -> slots.run(() -> {
                held.countDown();
                try {
                    return release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }));
        }
        if (!held.await(30, TimeUnit.SECONDS)) {
            close();
            throw new IllegalStateException("the slots were not all taken");
        }
    }

    public static HeldSlots of(HashingSlots slots) throws InterruptedException {
        return new HeldSlots(slots);
    }

    @Override
    public void close() throws InterruptedException {
        release.countDown();
        holders.shutdown();
        holders.awaitTermination(30, TimeUnit.SECONDS);
    }
}
