package md.migratiesigura.portal.web.admin;

import java.util.List;
import md.migratiesigura.portal.web.register.RegisterMonthPanel;
import md.migratiesigura.portal.web.article.ReviewDueNotice;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** The back office's start page: the sections the signed-in role may open, and nothing it may not. */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR, StaffRoles.TRAINER, StaffRoles.COUNSELLOR})
public class DashboardPage extends AdminBasePage {

    public DashboardPage(PageParameters parameters) {
        super(parameters);
        IModel<List<AdminSections.Section>> sections = LoadableDetachableModel.of(AdminSections::allowed);
        add(new Label("welcome", () -> user().displayName()));
        add(new ListView<>("sections", sections) {
            @Override
            protected void populateItem(ListItem<AdminSections.Section> item) {
                AdminSections.Section section = item.getModelObject();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", section.page());
                link.add(new Label("name", getString(section.key())));
                item.add(link);
                item.add(new Label("description", getString(section.key() + ".description")));
            }
        });
        add(new RegisterMonthPanel("registerMonth"));
        add(new ReviewDueNotice("reviewDue"));
        add(new Label("nothingYet", getString("admin.dashboard.nothingYet")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(sections.getObject().isEmpty());
            }
        });
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.dashboard.title");
    }
}
