package md.migratiesigura.portal.web.pages;

import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.navigation.Navigation;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;

/** The footer's links of a public page (about, contacts, partners, …), as the editors ordered them. */
public class FooterLinksPanel extends Panel {

    public FooterLinksPanel(String id, Language language) {
        this(id, language, NavigationLinksPanel.published(language));
    }

    /** The given navigation, such as an editor's unsaved one. */
    public FooterLinksPanel(String id, Language language, IModel<Navigation> navigation) {
        super(id);
        add(new NavigationLinksPanel("links", language, navigation.map(Navigation::footer)));
    }
}
