package md.migratiesigura.portal.web.article;

import java.util.List;
import md.migratiesigura.portal.article.ReviewItem;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/review}: the language versions an editor should check again — past their review-by date, without
 * sources, or never checked against them — the longest overdue first, each with a link to its editor.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class ReviewPage extends AdminBasePage {

    public ReviewPage(PageParameters parameters) {
        super(parameters);
        IModel<List<ReviewItem>> items = LoadableDetachableModel.of(() -> PortalApplication.get().editorialList().reviewDue());
        add(new Label("summary", () -> Texts.plural(getString("admin.review.summary"), getLocale(), items.getObject().size())));
        WebMarkupContainer table = new WebMarkupContainer("table") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!items.getObject().isEmpty());
            }
        };
        table.add(new ListView<>("rows", items) {
            @Override
            protected void populateItem(ListItem<ReviewItem> item) {
                ReviewItem r = item.getModelObject();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("edit", ArticleEditPage.class,
                        ArticleEditPage.parameters(r.key()));
                link.add(new Label("title", r.title()));
                link.add(AttributeModifier.replace("lang", r.language().code()));
                item.add(link);
                item.add(new Label("language", getString("language.switch." + r.language().code())));
                item.add(Badges.status("status", r::status));
                item.add(reason("overdue", r.overdue(), r.reviewBy() == null ? ""
                        : Texts.format(getString("admin.review.overdue"), getLocale(), Texts.date(r.reviewBy(), getLocale()))));
                item.add(reason("unsourced", r.unsourced(), getString("admin.review.unsourced")));
                item.add(reason("neverReviewed", r.neverReviewed(), getString("admin.review.neverReviewed")));
                item.add(new Label("reviewed", r.reviewed() == null ? "—" : Texts.date(r.reviewed(), getLocale())));
                item.add(new Label("sources", String.valueOf(r.sources())));
            }
        });
        add(table);
    }

    private static Component reason(String id, boolean shown, String text) {
        return new Label(id, text).setVisible(shown);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.review.title");
    }
}
