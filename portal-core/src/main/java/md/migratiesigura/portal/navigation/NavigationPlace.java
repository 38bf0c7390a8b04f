package md.migratiesigura.portal.navigation;

/** Where an entry is shown. Stored by name. */
public enum NavigationPlace {
    MAIN,
    FOOTER
}
