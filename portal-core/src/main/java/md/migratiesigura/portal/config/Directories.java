package md.migratiesigura.portal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The start's checks of the folders the settings name: each failure a {@link ConfigException} naming its variable. */
public final class Directories {

    private Directories() {
    }

    /** {@code PORTAL_DATA_DIR}: created when missing, and a file can be written in it. */
    public static void requireWritableData(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-check", ".tmp");
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            throw new ConfigException("PORTAL_DATA_DIR", dir + " is not a writable directory");
        }
    }

    /** {@code PORTAL_CONTENT_DIR}: an existing folder that can be read. */
    public static void requireReadableContent(Path dir) {
        if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
            throw new ConfigException("PORTAL_CONTENT_DIR", dir + " is not a readable directory");
        }
    }
}
