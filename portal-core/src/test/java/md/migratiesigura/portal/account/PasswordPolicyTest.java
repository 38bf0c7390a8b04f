package md.migratiesigura.portal.account;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import md.migratiesigura.portal.account.PasswordPolicy.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private final PasswordPolicy policy = PasswordPolicy.standard();

    @Test
    void elevenCharactersAreTooShortAndTwelveAreEnough() {
        assertEquals(Optional.of(Problem.TOO_SHORT), policy.check("abcdefghijk"));
        assertEquals(Optional.empty(), policy.check("ab3defgh1jk9"));
    }

    @Test
    void lengthCountsLettersNotBytes() {
        // Twelve Romanian and Cyrillic letters are more than twelve bytes but exactly twelve characters.
        assertEquals(Optional.empty(), policy.check("ștrudelțăpșș"));
        assertEquals(Optional.of(Problem.TOO_SHORT), policy.check("пароль-длин"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PASSWORD1234", "Password1234", "qwertyuiop123", "123456789012"})
    void wellKnownPasswordsAreRefusedWhateverTheirCase(String password) {
        assertEquals(Optional.of(Problem.TOO_COMMON), policy.check(password));
    }

    @Test
    void noCompositionRulesForALongPassphrase() {
        assertEquals(Optional.empty(), policy.check("cal verde pe dealul cu nuci"));
    }

    @Test
    void anAbsurdlyLongPasswordIsRefusedBeforeHashing() {
        assertEquals(Optional.of(Problem.TOO_LONG), policy.check("x".repeat(PasswordPolicy.MAX_LENGTH + 1)));
    }

    @Test
    void theBundledListHasSomeHundredsOfPasswords() {
        assertTrue(policy.commonCount() >= 300, "common passwords: " + policy.commonCount());
    }
}
