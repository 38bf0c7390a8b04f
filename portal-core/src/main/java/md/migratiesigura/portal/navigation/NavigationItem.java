package md.migratiesigura.portal.navigation;

import java.io.Serializable;

/**
 * One entry as the editor sees and writes it.
 *
 * @param label the editor's own wording, or null for the target's name (the page's title, the category's name, the
 *              section's name in the page's language)
 */
public record NavigationItem(NavigationPlace place, NavigationTarget targetKind, String target, String label)
        implements Serializable {
}
