package md.migratiesigura.portal.agency;

import java.io.Serializable;

/** What applying an import did. */
public record AgencyImportResult(int added, int changed, int unchanged, int removed) implements Serializable {
}
