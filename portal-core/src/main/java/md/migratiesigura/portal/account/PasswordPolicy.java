package md.migratiesigura.portal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a back-office password must be, after NIST SP 800-63B: long enough and not a well-known one. No composition
 * rules (they make passwords harder to remember, not to guess).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 12;
    /** Argon2 hashes whatever it is given: a bound keeps a pasted novel from costing a second of CPU. */
    public static final int MAX_LENGTH = 256;

    /** Why a password is refused. */
    public enum Problem {
        TOO_SHORT,
        TOO_LONG,
        TOO_COMMON
    }

    private final Set<String> common;

    private PasswordPolicy(Set<String> common) {
        this.common = Set.copyOf(common);
    }

    /** The policy with the bundled list of common passwords. */
    public static PasswordPolicy standard() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the class path");
            }
            Set<String> words = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word.toLowerCase(Locale.ROOT));
                }
            }
            return new PasswordPolicy(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first problem with the password, or empty when it may be used. Length counts characters, not bytes. */
    public Optional<Problem> check(String password) {
        int length = password == null ? 0 : password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of(Problem.TOO_SHORT);
        }
        if (length > MAX_LENGTH) {
            return Optional.of(Problem.TOO_LONG);
        }
        if (common.contains(password.strip().toLowerCase(Locale.ROOT))) {
            return Optional.of(Problem.TOO_COMMON);
        }
        return Optional.empty();
    }

    /** How many common passwords are refused. */
    public int commonCount() {
        return common.size();
    }
}
