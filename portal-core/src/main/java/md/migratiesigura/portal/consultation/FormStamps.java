package md.migratiesigura.portal.consultation;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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
    private final Map<String, Instant> used = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
            return size() > MAX_REMEMBERED;
        }
    };

    public FormStamps(byte[] secret, Duration minFillTime, Clock clock) {
        this.secret = secret.clone();
        this.minFillTime = minFillTime;
        this.clock = clock;
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
        synchronized (used) {
            Verdict verdict = check(stamp);
            if (verdict == Verdict.OK) {
                use(stamp);
            }
            return verdict;
        }
    }

    /** Makes a claimed stamp good again: the form it came with was refused, and may be corrected and sent. */
    public void release(String stamp) {
        int last = stamp == null ? -1 : stamp.lastIndexOf('.');
        if (last > 0) {
            synchronized (used) {
                used.remove(stamp.substring(0, last));
            }
        }
    }

    /** Checks a stamp without using it up. */
    Verdict check(String stamp) {
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
        synchronized (used) {
            if (used.containsKey(payload)) {
                return Verdict.USED;
            }
        }
        return issued.plus(minFillTime).isAfter(now) ? Verdict.TOO_FAST : Verdict.OK;
    }

    /** Marks a stamp as used: the same form cannot send a second question. */
    void use(String stamp) {
        int last = stamp.lastIndexOf('.');
        if (last > 0) {
            Instant now = clock.instant();
            synchronized (used) {
                used.values().removeIf(at -> at.plus(LIFETIME).isBefore(now));
                used.put(stamp.substring(0, last), now);
            }
        }
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
