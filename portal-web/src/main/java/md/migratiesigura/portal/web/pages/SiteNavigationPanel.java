package md.migratiesigura.portal.web.pages;

import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.navigation.Navigation;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/**
 * The main navigation of a public page, as the editors ordered it for its language. On a narrow screen it folds into
 * one "Menu" button, a {@code <details>} element, so that it opens and closes without JavaScript; on a wide one the
 * stylesheet hides the button and shows the same links in a row.
 */
public class SiteNavigationPanel extends Panel {

    public SiteNavigationPanel(String id, Language language) {
        this(id, language, NavigationLinksPanel.published(language));
    }

    /** The given navigation, such as an editor's unsaved one. */
    public SiteNavigationPanel(String id, Language language, IModel<Navigation> navigation) {
        super(id);
        // The same links twice, one list shown at a time by the stylesheet: folded in the button on a phone, in a row
        // on a wide screen. A closed <details> hides its content in every browser, so the wide row cannot be it.
        add(new NavigationLinksPanel("folded", language, navigation.map(Navigation::main)));
        add(new NavigationLinksPanel("wide", language, navigation.map(Navigation::main)));
    }
}
