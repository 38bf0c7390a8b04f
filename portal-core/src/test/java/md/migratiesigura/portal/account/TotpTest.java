package md.migratiesigura.portal.account;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The one-time codes against RFC 6238's own test vectors (appendix B), and what is accepted at login. */
class TotpTest {

    private static final byte[] SHA1_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA256_SEED = "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SHA512_SEED = ("1234567890123456789012345678901234567890123456789012345678901234")
            .getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @CsvSource({
            "59, 94287082, 46119246, 90693936",
            "1111111109, 07081804, 68084774, 25091201",
            "1111111111, 14050471, 67062674, 99943326",
            "1234567890, 89005924, 91819424, 93441116",
            "2000000000, 69279037, 90698825, 38618901",
            "20000000000, 65353130, 77737706, 47863826"})
    void producesTheRfc6238TestVectors(long seconds, String sha1, String sha256, String sha512) {
        long step = Totp.step(Instant.ofEpochSecond(seconds));
        assertEquals(sha1, Totp.code(SHA1_SEED, step, 8, "HmacSHA1"));
        assertEquals(sha256, Totp.code(SHA256_SEED, step, 8, "HmacSHA256"));
        assertEquals(sha512, Totp.code(SHA512_SEED, step, 8, "HmacSHA512"));
    }

    @Test
    void theSixDigitCodeIsTheLastSixDigitsOfTheRfcVector() {
        // RFC 4226's truncation: the 6-digit code is the 8-digit one modulo 10^6.
        assertEquals("287082", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(59))));
        assertEquals("081804", Totp.code(SHA1_SEED, Totp.step(Instant.ofEpochSecond(1111111109))));
    }

    @Test
    void acceptsTheStepBeforeAndAfterButNotTwoAway() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        for (long offset = -1; offset <= 1; offset++) {
            assertEquals(OptionalLong.of(step + offset),
                    Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + offset), now, Long.MIN_VALUE), "offset " + offset);
        }
        assertTrue(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 2), now, Long.MIN_VALUE).isEmpty());
        assertTrue(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + 2), now, Long.MIN_VALUE).isEmpty());
    }

    @Test
    void aCodeOfAStepAlreadyUsedOrEarlierIsRefused() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String code = Totp.code(SHA1_SEED, step);
        assertTrue(Totp.match(SHA1_SEED, code, now, step).isEmpty(), "the same step again");
        assertTrue(Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step - 1), now, step).isEmpty(), "an earlier step");
        assertEquals(OptionalLong.of(step + 1), Totp.match(SHA1_SEED, Totp.code(SHA1_SEED, step + 1), now, step));
    }

    @Test
    void spacesAreIgnoredAndAnythingButSixDigitsMatchesNothing() {
        Instant now = Instant.ofEpochSecond(59);
        assertTrue(Totp.match(SHA1_SEED, "287 082", now, Long.MIN_VALUE).isPresent());
        for (String typed : new String[] {null, "", "28708", "2870822", "28708a", "٢٨٧٠٨٢", "287082\u0000"}) {
            assertTrue(Totp.match(SHA1_SEED, typed, now, Long.MIN_VALUE).isEmpty(), String.valueOf(typed));
        }
    }

    @Test
    void base32RoundTripsAndMatchesRfc4648() {
        assertEquals("MZXW6YTBOI", Totp.base32("foobar".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", Totp.base32(SHA1_SEED));
        byte[] secret = Totp.newSecret();
        assertEquals(Totp.SECRET_BYTES, secret.length);
        assertArrayEquals(secret, Totp.fromBase32(Totp.base32(secret).toLowerCase()));
        assertThrows(IllegalArgumentException.class, () -> Totp.fromBase32("ABC1"));
    }

    @Test
    void theOtpauthUriNamesIssuerAccountAndSecret() {
        assertEquals("otpauth://totp/Migra%C8%9Bie%20sigur%C4%83:ana%40example.org?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                        + "&issuer=Migra%C8%9Bie%20sigur%C4%83&algorithm=SHA1&digits=6&period=30",
                Totp.uri("Migrație sigură", "ana@example.org", SHA1_SEED));
    }
}
