package md.migratiesigura.portal.consultation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import md.migratiesigura.portal.config.ConfigException;
import md.migratiesigura.portal.config.ConsultationSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the encryption key comes from: {@code PORTAL_CONSULTATION_KEY}, or else a key file in the data directory,
 * generated at the first start (readable by the portal's user only). The key is never logged.
 */
public final class ConsultationKeys {

    private static final Logger log = LoggerFactory.getLogger(ConsultationKeys.class);
    public static final String FILE_NAME = "consultation.key";

    private ConsultationKeys() {
    }

    public static List<byte[]> load(ConsultationSettings settings, Path dataDir) {
        if (!settings.keys().isEmpty()) {
            return settings.keys();
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (FileAlreadyExistsException e) {
                    return List.of(read(file));
                }
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
                log.warn("PORTAL_CONSULTATION_KEY is not set: generated a consultation encryption key in {} (readable by"
                        + " this user only). Back it up with the database, or set PORTAL_CONSULTATION_KEY.", file);
                return List.of(key);
            }
            return List.of(read(file));
        } catch (IOException e) {
            throw new ConfigException("PORTAL_DATA_DIR", "cannot read or write the consultation key " + file + ": "
                    + e.getMessage(), e);
        }
    }

    private static byte[] read(Path file) throws IOException {
        try {
            byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
            if (key.length == 32) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new ConfigException("PORTAL_DATA_DIR", file + " does not hold a base64-encoded 256-bit key");
    }
}
