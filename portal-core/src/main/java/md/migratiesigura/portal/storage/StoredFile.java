package md.migratiesigura.portal.storage;

import java.io.Serializable;
import java.time.Instant;

/**
 * A file kept by the {@link BlobStore}: never changed once stored.
 *
 * @param sha256 the content's SHA-256 in lower-case hex, usable as a strong ETag
 */
public record StoredFile(long id, String sha256, long size, String mediaType, Instant created) implements Serializable {
}
