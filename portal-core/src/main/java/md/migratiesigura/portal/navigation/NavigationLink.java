package md.migratiesigura.portal.navigation;

import java.io.Serializable;

/**
 * One entry as a public page shows it, in one language.
 *
 * @param label the wording to show, or null for a fixed section whose name the web module gives
 * @param slug  for a page, its slug in this language; null otherwise
 */
public record NavigationLink(NavigationTarget targetKind, String target, String label, String slug)
        implements Serializable {
}
