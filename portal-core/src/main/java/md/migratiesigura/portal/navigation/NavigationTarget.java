package md.migratiesigura.portal.navigation;

/** What an entry points at. Stored by name. */
public enum NavigationTarget {
    /** A fixed section of the portal, named by one of {@link NavigationService#FIXED_SECTIONS}. */
    FIXED,
    /** A page, by its key. */
    PAGE,
    /** A category, by its key. */
    CATEGORY
}
