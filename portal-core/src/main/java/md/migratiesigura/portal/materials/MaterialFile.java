package md.migratiesigura.portal.materials;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/**
 * A material's file in one language, as readers see it before downloading: kind and size.
 *
 * @param sha256 of the file's bytes, a strong ETag; {@code thumbnailSha256} likewise for the thumbnail
 */
public record MaterialFile(Language language, FileKind kind, long fileId, long bytes, String sha256,
                           long thumbnailId, String thumbnailSha256) implements Serializable {
}
