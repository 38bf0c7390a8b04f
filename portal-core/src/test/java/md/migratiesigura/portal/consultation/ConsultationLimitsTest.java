package md.migratiesigura.portal.consultation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.MutableClock;
import md.migratiesigura.portal.Parallel;
import org.junit.jupiter.api.Test;

/**
 * The public consultation's limits under a burst: the check and the count are one step, so parallel requests
 * cannot all pass the check before any of them is counted.
 */
class ConsultationLimitsTest {

    @Test
    void aBurstIsLetThroughOnlyUpToTheLimit() throws Exception {
        RateLimit limit = new RateLimit(5, Duration.ofMinutes(15), new MutableClock(Instant.parse("2026-03-10T09:00:00Z")));
        List<Duration> waits = Parallel.run(50, 10, i -> limit.acquire("ABCDEFGHJK"));
        assertEquals(5, waits.stream().filter(Duration::isZero).count());
        assertEquals(45, waits.stream().filter(w -> w.equals(Duration.ofMinutes(15))).count(), "the others wait");
    }

    @Test
    void anEventGivenBackFreesItsPlace() {
        RateLimit limit = new RateLimit(2, Duration.ofMinutes(15), Clock.systemUTC());
        assertEquals(Duration.ZERO, limit.acquire("203.0.113.7"));
        assertEquals(Duration.ZERO, limit.acquire("203.0.113.7"));
        assertEquals(false, limit.acquire("203.0.113.7").isZero());
        limit.giveBack("203.0.113.7");
        assertEquals(Duration.ZERO, limit.acquire("203.0.113.7"));
    }

    @Test
    void theSameFormSentManyTimesAtOncePassesOnce() throws Exception {
        FormStamps stamps = new FormStamps(new byte[32], Duration.ZERO, Clock.systemUTC());
        String stamp = stamps.issue();
        List<FormStamps.Verdict> verdicts = Parallel.run(20, 10, i -> stamps.claim(stamp));
        assertEquals(1, verdicts.stream().filter(v -> v == FormStamps.Verdict.OK).count());
        assertEquals(19, verdicts.stream().filter(v -> v == FormStamps.Verdict.USED).count());
    }

    @Test
    void aReleasedStampIsGoodAgainForTheCorrectedForm() {
        FormStamps stamps = new FormStamps(new byte[32], Duration.ZERO, Clock.systemUTC());
        String stamp = stamps.issue();
        assertEquals(FormStamps.Verdict.OK, stamps.claim(stamp));
        stamps.release(stamp);
        assertEquals(FormStamps.Verdict.OK, stamps.claim(stamp));
        assertEquals(FormStamps.Verdict.USED, stamps.claim(stamp));
    }
}
