package md.migratiesigura.portal.account;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
}
