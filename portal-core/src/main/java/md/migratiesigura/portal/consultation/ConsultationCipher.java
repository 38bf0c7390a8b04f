package md.migratiesigura.portal.consultation;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import md.migratiesigura.portal.common.SecretSealer;

/**
 * AES-256-GCM for what people write and how to reach them. Each value gets a random 12-byte IV and is stored as
 * {@code [format 1][key id, 4 bytes][IV, 12 bytes][ciphertext and 16-byte tag]}. The key id (the first four bytes of
 * the key's SHA-256) names the key that sealed it, so a new key can take over while older ones still open what they
 * sealed. The field's name is bound in as associated data: a question cannot be passed off as a reply.
 */
public final class ConsultationCipher {

    static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = 1 + 4 + IV_BYTES;

    private final List<Key> keys;
    private final SecureRandom random = new SecureRandom();

    private record Key(int id, SecretKey secret) {
    }

    /** The first key seals; every key opens what it sealed. */
    public ConsultationCipher(List<byte[]> rawKeys) {
        if (rawKeys.isEmpty()) {
            throw new IllegalArgumentException("at least one key");
        }
        List<Key> list = new ArrayList<>();
        for (byte[] raw : rawKeys) {
            if (raw.length != 32) {
                throw new IllegalArgumentException("AES-256 keys have 32 bytes");
            }
            list.add(new Key(keyId(raw), new SecretKeySpec(raw.clone(), "AES")));
        }
        this.keys = List.copyOf(list);
    }

    static int keyId(byte[] raw) {
        try {
            return ByteBuffer.wrap(MessageDigest.getInstance("SHA-256").digest(raw)).getInt();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Encrypts a text for the named field; null stays null. */
    public byte[] seal(String field, String text) {
        if (text == null) {
            return null;
        }
        Key key = keys.get(0);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER + sealed.length).put(FORMAT).putInt(key.id()).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The same sealing for the staff's second-factor keys (bytes, carried as Base64 text inside). */
    public SecretSealer asSecretSealer() {
        return new SecretSealer() {
            @Override
            public byte[] seal(String field, byte[] secret) {
                return secret == null ? null : ConsultationCipher.this.seal(field, Base64.getEncoder().encodeToString(secret));
            }

            @Override
            public byte[] open(String field, byte[] sealed) {
                String text = ConsultationCipher.this.open(field, sealed);
                return text == null ? null : Base64.getDecoder().decode(text);
            }
        };
    }

    /** Decrypts what {@link #seal} wrote for the same field; fails on another field, key, or any changed byte. */
    public String open(String field, byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length < HEADER + TAG_BITS / 8 || value[0] != FORMAT) {
            throw new IllegalStateException("not a sealed consultation value");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.get();
        int id = buffer.getInt();
        Key key = keys.stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("sealed with a key this portal does not have (id "
                        + Integer.toHexString(id) + "); add it to PORTAL_CONSULTATION_KEY"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, value, 5, IV_BYTES));
            cipher.updateAAD(field.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(value, HEADER, value.length - HEADER), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed consultation value does not open (changed, or another field)", e);
        }
    }

    /**
     * A secret for another purpose derived from the current key (HMAC-SHA256 of the purpose), so that, for example,
     * the form's signed timestamps survive a restart and agree between nodes without a setting of their own.
     */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(keys.get(0).secret());
            return mac.doFinal(("portal-consultation:" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
