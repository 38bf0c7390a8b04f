/**
 * The public navigation that editors own: an ordered list of entries per language and place (the main menu and the
 * footer), each pointing at a fixed section of the portal, a page or a category. {@link
 * md.migratiesigura.portal.navigation.NavigationService} reads it for every public page (kept in memory for the
 * current content version) and lets editors replace a language's list at once.
 */
package md.migratiesigura.portal.navigation;
