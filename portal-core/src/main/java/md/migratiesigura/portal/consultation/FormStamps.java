package md.migratiesigura.portal.consultation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import md.migratiesigura.portal.throttle.MemoryThrottleStore;
import md.migratiesigura.portal.throttle.ThrottleStore;

/**
 * The public form's signed timestamp, so that a minimum fill time can be checked without a session: the page
 * carries {@code time.nonce.hmac} in a hidden field, and only this server can have made it. A stamp is good once
 * (a reloaded confirmation does not send the question twice) and for a day: {@link #claim} checks it and uses it
 * up in one step, so that the same form sent many times at once passes only once.
 */
public final class FormStamps {

    /** What a stamp says about the form that carried it. */
    public enum Verdict {
        /** Filled in for long enough, signed here, not used before. */
        OK,
        /** Sent sooner than a person could have written a question. */
        TOO_FAST,
        /** Missing, forged, or older than a day: the form must be loaded again. */
        INVALID,
        /** This very form has already been sent. */
        USED
    }

    static final Duration LIFETIME = Duration.ofDays(1);
    private static final int MAX_REMEMBERED = 100_000;

    private final byte[] secret;
    private final Duration minFillTime;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    /** The stamps used up, by their signed part: in the database when shared by every portal node. */
    private final ThrottleStore used;

    /** Used stamps remembered in this process's memory only. */
    public FormStamps(byte[] secret, Duration minFillTime, Clock clock) {
        this(secret, minFillTime, clock, new MemoryThrottleStore(clock, MAX_REMEMBERED));
    }

    /** Used stamps remembered in {@code used}: the database's, so that a form sent to two nodes passes once. */
    public FormStamps(byte[] secret, Duration minFillTime, Clock clock, ThrottleStore used) {
        this.secret = secret.clone();
        this.minFillTime = minFillTime;
        this.clock = clock;
        this.used = used;
    }

    /** A new stamp for a form shown now. */
    public String issue() {
        byte[] nonce = new byte[9];
        random.nextBytes(nonce);
        String payload = clock.millis() + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        return payload + "." + sign(payload);
    }

    /**
     * Checks a stamp and, when it is {@link Verdict#OK}, uses it up at once: of parallel requests with the same
     * stamp one gets OK, the others {@link Verdict#USED}. {@link #release} gives it back if the form is then refused.
     */
    public Verdict claim(String stamp) {
        Verdict verdict = checkSigned(stamp);
        if (verdict != Verdict.OK && verdict != Verdict.TOO_FAST) {
            return verdict;
        }
        return used.update(List.of(usedKey(stamp)), LIFETIME, values -> {
            if (values.get(0) != null) {
                return Verdict.USED;
            }
            if (verdict == Verdict.OK) {
                values.set(0, "used");
            }
            return verdict;
        });
    }

    /** Makes a claimed stamp good again: the form it came with was refused, and may be corrected and sent. */
    public void release(String stamp) {
        int last = stamp == null ? -1 : stamp.lastIndexOf('.');
        if (last > 0) {
            used.update(List.of(usedKey(stamp)), LIFETIME, values -> {
                values.set(0, null);
                return null;
            });
        }
    }

    /** Checks a stamp without using it up. */
    Verdict check(String stamp) {
        Verdict verdict = checkSigned(stamp);
        if (verdict != Verdict.OK && verdict != Verdict.TOO_FAST) {
            return verdict;
        }
        boolean usedUp = used.update(List.of(usedKey(stamp)), LIFETIME, values -> values.get(0) != null);
        return usedUp ? Verdict.USED : verdict;
    }

    /** The signature and the age of a stamp, whether used or not. */
    private Verdict checkSigned(String stamp) {
        if (stamp == null || stamp.length() > 100) {
            return Verdict.INVALID;
        }
        int last = stamp.lastIndexOf('.');
        int first = stamp.indexOf('.');
        if (first <= 0 || last <= first) {
            return Verdict.INVALID;
        }
        String payload = stamp.substring(0, last);
        if (!MessageDigest.isEqual(sign(payload).getBytes(StandardCharsets.US_ASCII),
                stamp.substring(last + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.INVALID;
        }
        Instant issued;
        try {
            issued = Instant.ofEpochMilli(Long.parseLong(stamp.substring(0, first)));
        } catch (NumberFormatException e) {
            return Verdict.INVALID;
        }
        Instant now = clock.instant();
        if (issued.isAfter(now.plusSeconds(5)) || issued.plus(LIFETIME).isBefore(now)) {
            return Verdict.INVALID;
        }
        return issued.plus(minFillTime).isAfter(now) ? Verdict.TOO_FAST : Verdict.OK;
    }

    /** Marks a stamp as used: the same form cannot send a second question. */
    void use(String stamp) {
        if (stamp.lastIndexOf('.') > 0) {
            used.update(List.of(usedKey(stamp)), LIFETIME, values -> {
                values.set(0, "used");
                return null;
            });
        }
    }

    private static String usedKey(String stamp) {
        return "form-stamp|" + stamp.substring(0, stamp.lastIndexOf('.'));
    }

    private String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
