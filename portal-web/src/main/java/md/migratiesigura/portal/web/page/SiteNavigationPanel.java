package md.migratiesigura.portal.web.page;

import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.navigation.Navigation;
import md.migratiesigura.portal.web.PortalApplication;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;

/**
 * The main navigation of a public page, as the editors ordered it for its language. On a narrow screen it folds into
 * one "Menu" button, a {@code <details>} element, so that it opens and closes without JavaScript; on a wide one the
 * stylesheet shows the links and hides the button.
 */
public class SiteNavigationPanel extends Panel {

    public SiteNavigationPanel(String id, Language language) {
        this(id, language, LoadableDetachableModel.of(() -> PortalApplication.get().navigation().of(language)));
    }

    /** The given navigation, such as an editor's unsaved one. */
    public SiteNavigationPanel(String id, Language language, IModel<Navigation> navigation) {
        super(id);
        add(new NavigationLinksPanel("links", language, navigation.map(Navigation::main)));
    }
}
