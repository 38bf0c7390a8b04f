package md.migratiesigura.portal.consultation;

import java.time.Clock;
import java.time.Duration;
import md.migratiesigura.portal.throttle.ThrottleStore;

/**
 * The limits on the person asking, counted per client address (and per ticket for wrong phrases) in a
 * {@link ThrottleStore}: questions sent, and wrong tries at reading an answer. Addresses are used as keys of the
 * store only, which keeps keyed hashes, never the address.
 */
final class AskerLimits {

    /** Questions accepted from one address: a few in ten minutes, and a day's worth. */
    static final int SUBMISSIONS_PER_10_MINUTES = 3;
    static final int SUBMISSIONS_PER_DAY = 10;
    /** Wrong tries at reading an answer: per ticket, and per address across tickets, in 15 minutes. */
    static final int WRONG_TRIES_PER_TICKET = 5;
    static final int WRONG_TRIES_PER_ADDRESS = 10;
    static final Duration WRONG_TRY_WINDOW = Duration.ofMinutes(15);

    private final RateLimit shortSubmissions;
    private final RateLimit dailySubmissions;
    private final RateLimit wrongByTicket;
    private final RateLimit wrongByAddress;

    AskerLimits(Clock clock, ThrottleStore throttles) {
        this.shortSubmissions = new RateLimit("submissions-10min", SUBMISSIONS_PER_10_MINUTES, Duration.ofMinutes(10),
                clock, throttles);
        this.dailySubmissions = new RateLimit("submissions-day", SUBMISSIONS_PER_DAY, Duration.ofDays(1), clock,
                throttles);
        this.wrongByTicket = new RateLimit("wrong-by-ticket", WRONG_TRIES_PER_TICKET, WRONG_TRY_WINDOW, clock, throttles);
        this.wrongByAddress = new RateLimit("wrong-by-address", WRONG_TRIES_PER_ADDRESS, WRONG_TRY_WINDOW, clock,
                throttles);
    }

    /** Counts a question from the address; false (and nothing counted) when either limit refuses. */
    boolean acquireSubmission(String address) {
        return acquireBoth(shortSubmissions, address, dailySubmissions, address).isZero();
    }

    /** Un-counts a question that was not stored after all. */
    void giveBackSubmission(String address) {
        shortSubmissions.giveBack(address);
        dailySubmissions.giveBack(address);
    }

    /** Counts a try at reading an answer as wrong; the wait before another is allowed, zero when this one is. */
    Duration acquireTry(String ticketKey, String address) {
        return acquireBoth(wrongByTicket, ticketKey, wrongByAddress, address);
    }

    /** Un-counts a try that turned out right, or could not be checked. */
    void giveBackTry(String ticketKey, String address) {
        wrongByTicket.giveBack(ticketKey);
        wrongByAddress.giveBack(address);
    }

    /** One event on each limit, or none and the longer wait when either refuses. */
    private static Duration acquireBoth(RateLimit first, String firstKey, RateLimit second, String secondKey) {
        Duration firstWait = first.acquire(firstKey);
        Duration secondWait = second.acquire(secondKey);
        if (firstWait.isZero() && !secondWait.isZero()) {
            first.giveBack(firstKey);
        } else if (!firstWait.isZero() && secondWait.isZero()) {
            second.giveBack(secondKey);
        }
        return firstWait.compareTo(secondWait) >= 0 ? firstWait : secondWait;
    }
}
