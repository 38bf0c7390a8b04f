package md.migratiesigura.portal.web.article;

import java.util.List;
import md.migratiesigura.portal.article.EditorialListItem;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.pages.NavigationEditPage;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/pages}: the hotline's pages (about, contacts, …) with each language's title and status, each opening
 * the articles' editor; and the way to a new page and to the navigation.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class PagesPage extends AdminBasePage {

    public PagesPage(PageParameters parameters) {
        super(parameters);
        add(new BookmarkablePageLink<Void>("new", NewPagePage.class));
        add(new BookmarkablePageLink<Void>("navigationEditor", NavigationEditPage.class));
        IModel<List<EditorialListItem>> pages = LoadableDetachableModel.of(
                () -> PortalApplication.get().editorialList().pages());
        add(new ListView<>("rows", pages) {
            @Override
            protected void populateItem(ListItem<EditorialListItem> item) {
                EditorialListItem row = item.getModelObject();
                item.add(ArticlesPage.newTitleCell("ro", row.key(), row.in(Language.RO)));
                item.add(ArticlesPage.newTitleCell("ru", row.key(), row.in(Language.RU)));
                item.add(new Label("updated", Texts.dateTime(row.updatedAt(), getLocale())));
            }
        });
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.section.pages");
    }
}
