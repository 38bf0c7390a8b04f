package md.migratiesigura.portal.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.Parallel;
import md.migratiesigura.portal.TestDatabases;
import md.migratiesigura.portal.persistence.Database;
import md.migratiesigura.portal.throttle.DatabaseThrottleStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoginThrottleTest {

    private static final String ADDRESS = "203.0.113.7";
    private static final String OTHER_ADDRESS = "198.51.100.20";

    private final MutableClock clock = new MutableClock(Instant.parse("2025-03-12T08:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void fiveFailuresMakeTheSixthAttemptWait() {
        for (int i = 0; i < 4; i++) {
            throttle.failed("editor@example.org", ADDRESS);
            assertEquals(Duration.ZERO, throttle.waitBefore("editor@example.org", ADDRESS), "failure " + (i + 1) + " is free");
        }
        throttle.failed("editor@example.org", ADDRESS);
        assertEquals(Duration.ofMinutes(1), throttle.waitBefore("editor@example.org", ADDRESS));
        assertEquals(Duration.ofMinutes(1), throttle.waitBefore("  EDITOR@example.org", ADDRESS), "the e-mail's case does not matter");
    }

    @Test
    void theSameAccountFromAnotherAddressIsNotHeldBack() {
        fail("editor@example.org", ADDRESS, 8);
        assertTrue(throttle.waitBefore("editor@example.org", ADDRESS).toMinutes() >= 1);
        assertEquals(Duration.ZERO, throttle.waitBefore("editor@example.org", OTHER_ADDRESS));
    }

    @Test
    void eachFurtherFailureDoublesTheWaitUpToHalfAnHour() {
        fail("editor@example.org", ADDRESS, 5);
        assertEquals(Duration.ofMinutes(1), throttle.waitBefore("editor@example.org", ADDRESS));
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        throttle.failed("editor@example.org", ADDRESS);
        assertEquals(Duration.ofMinutes(2), throttle.waitBefore("editor@example.org", ADDRESS));
        clock.set(clock.instant().plus(Duration.ofMinutes(2)));
        throttle.failed("editor@example.org", ADDRESS);
        assertEquals(Duration.ofMinutes(4), throttle.waitBefore("editor@example.org", ADDRESS));
        fail("editor@example.org", ADDRESS, 20);
        assertEquals(LoginThrottle.LONGEST_WAIT, throttle.waitBefore("editor@example.org", ADDRESS));
    }

    @Test
    void oneAddressTryingManyAccountsIsCappedAcrossThem() {
        for (int i = 0; i < LoginThrottle.FREE_FAILURES_PER_ADDRESS; i++) {
            throttle.failed("guess" + i + "@example.org", ADDRESS);
        }
        assertTrue(throttle.waitBefore("someone-new@example.org", ADDRESS).compareTo(Duration.ZERO) > 0,
                "a new account from the same address waits");
        assertEquals(Duration.ZERO, throttle.waitBefore("someone-new@example.org", OTHER_ADDRESS));
    }

    @Test
    void aSuccessForgivesThePairAndAQuietHourForgivesEverything() {
        fail("editor@example.org", ADDRESS, 4);
        throttle.succeeded("editor@example.org", ADDRESS);
        throttle.failed("editor@example.org", ADDRESS);
        assertEquals(Duration.ZERO, throttle.waitBefore("editor@example.org", ADDRESS), "counting started again");

        fail("trainer@example.org", ADDRESS, 5);
        clock.set(clock.instant().plus(LoginThrottle.FORGET_AFTER.plusMinutes(1)));
        assertEquals(Duration.ZERO, throttle.waitBefore("trainer@example.org", ADDRESS));
        throttle.failed("trainer@example.org", ADDRESS);
        assertEquals(Duration.ZERO, throttle.waitBefore("trainer@example.org", ADDRESS), "old failures were forgotten");
    }

    @Test
    void aFloodOfMadeUpAccountsTakesBoundedMemoryAndStillThrottlesTheFlooder() {
        for (int i = 0; i < LoginThrottle.MAX_TRACKED + 500; i++) {
            throttle.failed("made-up-" + i + "@example.org", "192.0.2." + (i % 200));
        }
        assertTrue(throttle.waitBefore("anyone@example.org", "192.0.2.1").compareTo(Duration.ZERO) > 0);
    }

    @Test
    void aBurstOfParallelWrongPasswordsForOneAccountIsLetThroughOnlyUpToTheAllowance() throws Exception {
        List<Boolean> letThrough = Parallel.run(50, 10, i -> {
            try (LoginThrottle.Attempt attempt = throttle.attempt("editor@example.org", ADDRESS)) {
                if (attempt.allowed()) {
                    checkingTakesAWhile();
                    attempt.failed();
                }
                return attempt.allowed();
            }
        });
        assertEquals(LoginThrottle.FREE_FAILURES_PER_PAIR, letThrough.stream().filter(b -> b).count());
        assertEquals(Duration.ofMinutes(1), throttle.waitBefore("editor@example.org", ADDRESS));
    }

    @Test
    void aBurstAcrossAccountsFromOneAddressIsLetThroughOnlyUpToTheAddressAllowance() throws Exception {
        List<Boolean> letThrough = Parallel.run(50, 10, i -> {
            try (LoginThrottle.Attempt attempt = throttle.attempt("guess" + i + "@example.org", ADDRESS)) {
                if (attempt.allowed()) {
                    checkingTakesAWhile();
                    attempt.failed();
                }
                return attempt.allowed();
            }
        });
        assertEquals(LoginThrottle.FREE_FAILURES_PER_ADDRESS, letThrough.stream().filter(b -> b).count());
    }

    @Test
    void aBurstSpreadOverTwoNodesSharingTheDatabaseIsLetThroughOnlyUpToTheAllowance(@TempDir Path dataDir)
            throws Exception {
        try (Database database = Database.open(TestDatabases.newConfig(dataDir))) {
            LoginThrottle nodeA = new LoginThrottle(clock, new DatabaseThrottleStore(database.dataSource(), clock));
            LoginThrottle nodeB = new LoginThrottle(clock, new DatabaseThrottleStore(database.dataSource(), clock));
            List<Boolean> letThrough = Parallel.run(50, 10, i -> {
                try (LoginThrottle.Attempt attempt = (i % 2 == 0 ? nodeA : nodeB).attempt("editor@example.org", ADDRESS)) {
                    if (attempt.allowed()) {
                        checkingTakesAWhile();
                        attempt.failed();
                    }
                    return attempt.allowed();
                }
            });
            assertEquals(LoginThrottle.FREE_FAILURES_PER_PAIR, letThrough.stream().filter(b -> b).count(),
                    "two nodes allow the guesses of one");
            assertEquals(Duration.ofMinutes(1), nodeA.waitBefore("editor@example.org", ADDRESS));
            assertEquals(Duration.ofMinutes(1), nodeB.waitBefore("editor@example.org", ADDRESS));
        }
    }

    @Test
    void anAttemptThatCheckedNothingIsGivenBackUncounted() {
        for (int i = 0; i < 10; i++) {
            try (LoginThrottle.Attempt attempt = throttle.attempt("editor@example.org", ADDRESS)) {
                assertTrue(attempt.allowed(), "attempt " + (i + 1));
            }
        }
        try (LoginThrottle.Attempt first = throttle.attempt("editor@example.org", ADDRESS)) {
            first.succeeded();
            first.failed();
        }
        assertEquals(Duration.ZERO, throttle.waitBefore("editor@example.org", ADDRESS), "resolved once, as a success");
    }

    /** The Argon2 check a real attempt makes between taking its slot and recording the outcome. */
    private static void checkingTakesAWhile() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void fail(String email, String address, int times) {
        for (int i = 0; i < times; i++) {
            throttle.failed(email, address);
        }
    }
}
