package md.migratiesigura.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import md.migratiesigura.portal.Parallel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    private final PasswordHasher hasher = new PasswordHasher();

    @Test
    void hashIsArgon2idWithOwaspParametersInPhcFormat() {
        String hash = hasher.hash("parola-corecta");

        assertTrue(hash.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), hash);
        assertTrue(hash.matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}"), hash);
        assertFalse(hash.contains("parola-corecta"));
    }

    @Test
    void rightPasswordVerifies() {
        String hash = hasher.hash("Пароль-ăîșț-📞");

        assertTrue(hasher.verify("Пароль-ăîșț-📞", hash));
        assertTrue(new PasswordHasher().verify("Пароль-ăîșț-📞", hash), "another instance verifies it too");
    }

    @Test
    void wrongPasswordDoesNotVerify() {
        String hash = hasher.hash("parola-corecta");

        assertFalse(hasher.verify("parola-gresita", hash));
        assertFalse(hasher.verify("Parola-corecta", hash));
        assertFalse(hasher.verify("", hash));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "$argon2id$", "garbage", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA",
            "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$", "$argon2id$v=19$m=x,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2g",
            "$argon2id$v=19$m=19456,t=2,p=1$!!!$???", "$argon2id$v=19$q=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2g"})
    void malformedHashNeverVerifies(String stored) {
        assertFalse(hasher.verify("orice", stored));
    }

    @Test
    void twoHashesOfOnePasswordDiffer() {
        String first = hasher.hash("aceeasi-parola");
        String second = hasher.hash("aceeasi-parola");

        assertNotEquals(first, second, "each hash has its own salt");
        assertTrue(hasher.verify("aceeasi-parola", first));
        assertTrue(hasher.verify("aceeasi-parola", second));
    }
    @Test
    void theSharedSlotsAreAsManyAsTheCores() {
        assertEquals(Runtime.getRuntime().availableProcessors(), HashingSlots.shared().size());
    }

    @Test
    void noMoreComputationsRunAtOnceThanThereAreSlots() throws Exception {
        HashingSlots slots = new HashingSlots(2, 18, Duration.ofSeconds(60));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<Boolean> done = Parallel.run(20, 20, i -> slots.run(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return true;
        }));
        assertEquals(20, done.size(), "those waiting got their turn");
        assertEquals(2, most.get());
    }

    @Test
    void whenEverySlotIsTakenHashingAndCheckingAreRefusedNotQueued() throws Exception {
        HashingSlots slots = new HashingSlots(1, 0, Duration.ZERO);
        PasswordHasher bounded = new PasswordHasher(slots);
        String hash = bounded.hash("parola-corecta");
        try (HeldSlots held = HeldSlots.of(slots)) {
            HashingBusyException busy = assertThrows(HashingBusyException.class, () -> bounded.verify("parola-corecta", hash),
                    "a busy server is not a wrong password");
            assertEquals(HashingSlots.RETRY_AFTER, busy.retryAfter());
            assertThrows(HashingBusyException.class, () -> bounded.hash("o parolă nouă"));
        }
        assertTrue(bounded.verify("parola-corecta", hash), "a slot is free again");
    }

    @Test
    void aFewCallersWaitForASlotAndThoseBeyondAreRefusedAtOnce() throws Exception {
        HashingSlots slots = new HashingSlots(1, 1, Duration.ofSeconds(30));
        try (HeldSlots held = HeldSlots.of(slots)) {
            Thread waiting = new Thread(() -> slots.run(() -> true));
            waiting.start();
            while (waiting.getState() != Thread.State.TIMED_WAITING && waiting.isAlive()) {
                Thread.onSpinWait();
            }
            long start = System.nanoTime();
            assertThrows(HashingBusyException.class, () -> slots.run(() -> true), "the waiting room is full");
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(5).toNanos(), "refused without waiting");
            held.close();
            waiting.join(30_000);
        }
    }
}
