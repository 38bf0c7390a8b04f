package md.migratiesigura.portal.web.pages;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.navigation.Navigation;
import md.migratiesigura.portal.navigation.NavigationLink;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.article.ArticleRoutes;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * A list of navigation links in one language, the current page's marked with {@code aria-current="page"}: the main
 * menu and the footer's links of every public page, and the editors' preview of them.
 */
public class NavigationLinksPanel extends Panel {

    /** One link as shown. */
    record Shown(String href, String label, boolean current) implements Serializable {
    }

    public NavigationLinksPanel(String id, Language language, IModel<List<NavigationLink>> links) {
        super(id);
        IModel<List<Shown>> shown = links.map(list -> list.stream()
                .map(link -> show(language, link)).flatMap(Optional::stream).toList());
        add(new ListView<>("items", shown) {
            @Override
            protected void populateItem(ListItem<Shown> item) {
                Shown s = item.getModelObject();
                ExternalLink link = new ExternalLink("link", s.href());
                link.add(new Label("label", s.label()).setRenderBodyOnly(true));
                link.add(AttributeModifier.replace("aria-current", s.current() ? "page" : null));
                item.add(link);
            }
        });
    }

    /**
     * The published navigation of a language. When it cannot be read (the database is down) the page is shown without
     * its menus rather than not at all: the error page, with the hotline's number, needs this most.
     */
    static IModel<Navigation> published(Language language) {
        return LoadableDetachableModel.of(() -> {
            try {
                return PortalApplication.get().navigation().of(language);
            } catch (RuntimeException e) {
                return new Navigation(List.of(), List.of());
            }
        });
    }

    private Optional<Shown> show(Language language, NavigationLink link) {
        Optional<String> href = switch (link.targetKind()) {
            case FIXED -> FixedSections.path(language, link.target());
            case PAGE -> Optional.of(PageRoutes.page(language, link.slug()));
            case CATEGORY -> Optional.of(ArticleRoutes.category(language, link.target()));
        };
        // The section's name in the links' language, which is the page's on the public site but may be the other one
        // in the editors' preview.
        return href.map(h -> new Shown(h, link.label() != null ? link.label() : getLocalizer().getString(
                "nav.fixed." + link.target(), this, null, language.locale(), null, (String) null),
                h.equals(currentPath())));
    }

    /** The address being answered, as a path from the root ({@code /ro/contacte}). */
    private static String currentPath() {
        return "/" + RequestCycle.get().getRequest().getUrl().getPath();
    }
}
