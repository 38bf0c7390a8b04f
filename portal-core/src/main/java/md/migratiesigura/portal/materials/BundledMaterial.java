package md.migratiesigura.portal.materials;

import java.util.Map;
import md.migratiesigura.portal.common.Language;

/**
 * A material the portal makes itself at start from its own content, so that the library is never empty.
 *
 * @param sourceSha256 the hash of what the files are generated from: while it is unchanged, nothing is generated
 *                     nor stored again
 * @param files        generated files by language
 */
public record BundledMaterial(String key, MaterialDraft texts, String sourceSha256, Map<Language, byte[]> files) {
}
