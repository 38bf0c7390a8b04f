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
import md.migratiesigura.portal.common.SealedColumn;
import md.migratiesigura.portal.common.SecretSealer;

/**
 * AES-256-GCM for what people write and how to reach them. Each value gets a random 12-byte IV and is stored as
 * {@code [format][key id, 4 bytes][IV, 12 bytes][ciphertext and 16-byte tag]}. The key id (the first four bytes of
 * the key's SHA-256) names the key that sealed it, so a new key can take over while older ones still open what they
 * sealed. The cell the value is stored in (table, row id, column: {@link SealedColumn.Cell}) is bound in as
 * associated data: a question cannot be passed off as a reply, nor one person's question as another's.
 *
 * <p>Format 2 is bound to the cell. Format 1, written before, was bound to the field's name only; such values still
 * open until {@link Resealer} has sealed every one of them again, after which this portal refuses format 1 (a value
 * copied in from an old backup would otherwise open in any row).
 */
public final class ConsultationCipher {

    /** Bound to the field's name only: read, never written. */
    static final byte FORMER_FORMAT = 1;
    static final byte FORMAT = 2;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER = 1 + 4 + IV_BYTES;

    private final List<Key> keys;
    private final SecureRandom random = new SecureRandom();
    private volatile boolean formerFormatRefused;

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

    /** Encrypts a text for the given cell with the first key; null stays null. */
    public byte[] seal(SealedColumn.Cell cell, String text) {
        return text == null ? null : seal(cell.associatedData(), text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Encrypts bytes bound to the given associated data (for example a chat's id and a message's sequence number),
     * in the same format as {@link #seal(SealedColumn.Cell, String)}.
     */
    public byte[] seal(byte[] associatedData, byte[] plain) {
        Key key = keys.get(0);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(associatedData);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(HEADER + sealed.length).put(FORMAT).putInt(key.id()).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The same sealing for the staff's second-factor keys (bytes, carried as Base64 text inside). */
    public SecretSealer asSecretSealer() {
        return new SecretSealer() {
            @Override
            public byte[] seal(SealedColumn.Cell cell, byte[] secret) {
                return secret == null ? null : ConsultationCipher.this.seal(cell, Base64.getEncoder().encodeToString(secret));
            }

            @Override
            public byte[] open(SealedColumn.Cell cell, byte[] sealed) {
                String text = ConsultationCipher.this.open(cell, sealed);
                return text == null ? null : Base64.getDecoder().decode(text);
            }
        };
    }

    /**
     * Decrypts what {@link #seal} wrote for the same cell (or what the former format wrote for its field, until that
     * format is refused).
     *
     * @throws IllegalStateException naming the cell (never the content) when the value was sealed for another cell,
     *         changed, sealed with a key this portal does not have, or is in the refused former format
     */
    public String open(SealedColumn.Cell cell, byte[] value) {
        if (value == null) {
            return null;
        }
        if (value.length < HEADER + TAG_BITS / 8 || (value[0] != FORMAT && value[0] != FORMER_FORMAT)) {
            throw new IllegalStateException("not a sealed value in " + cell);
        }
        if (value[0] == FORMER_FORMAT && formerFormatRefused) {
            throw new IllegalStateException("a value in " + cell + " is in the former format, which this portal no"
                    + " longer opens (every value was sealed again): copied in from an old backup?");
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.get();
        int id = buffer.getInt();
        Key key = keys.stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException("a value in " + cell + " was sealed with a key this portal"
                        + " does not have (id " + Integer.toHexString(id) + "); add it to PORTAL_CONSULTATION_KEY"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, value, 5, IV_BYTES));
            cipher.updateAAD(value[0] == FORMAT ? cell.associatedData()
                    : cell.column().formerField().getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(value, HEADER, value.length - HEADER), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed value in " + cell + " does not open: it was changed, or"
                    + " copied from another row or column", e);
        }
    }

    /**
     * Decrypts what {@link #seal(byte[], byte[])} sealed with the same associated data.
     *
     * @throws IllegalStateException naming {@code what} (never the content) when the value does not open
     */
    public byte[] open(byte[] associatedData, byte[] value, String what) {
        if (value.length < HEADER + TAG_BITS / 8 || value[0] != FORMAT) {
            throw new IllegalStateException("not a sealed value in " + what);
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        buffer.get();
        int id = buffer.getInt();
        Key key = keys.stream().filter(k -> k.id() == id).findFirst()
                .orElseThrow(() -> new IllegalStateException(what + " was sealed with a key this portal does not have"));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key.secret(), new GCMParameterSpec(TAG_BITS, value, 5, IV_BYTES));
            cipher.updateAAD(associatedData);
            return cipher.doFinal(value, HEADER, value.length - HEADER);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed value in " + what + " does not open", e);
        }
    }

    /** The first five bytes of every value sealed now: the format and the first key's id. */
    byte[] currentPrefix() {
        return ByteBuffer.allocate(5).put(FORMAT).putInt(keys.get(0).id()).array();
    }

    /** From now on, values in the former format do not open: called once none is left in the database. */
    void refuseFormerFormat() {
        formerFormatRefused = true;
    }

    boolean refusesFormerFormat() {
        return formerFormatRefused;
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
