package md.migratiesigura.portal.web.consultation;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import md.migratiesigura.portal.consultation.InboxFilter;
import md.migratiesigura.portal.consultation.InboxItem;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
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
 * The counsellors' inbox: SOS first, then the longest waiting; views for all open, mine, and closed
 * ({@code ?view=open|mine|closed}). No text of any question is shown here.
 */
@AuthorizeInstantiation({StaffRoles.COUNSELLOR, StaffRoles.ADMINISTRATOR})
public class ConsultationsPage extends AdminBasePage {

    static final String VIEW = "view";

    public ConsultationsPage(PageParameters parameters) {
        super(parameters);
        InboxFilter filter = filterOf(parameters);
        add(new WebMarkupContainer("mailOff") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!PortalApplication.get().consultations().mailEnabled());
            }
        });
        ListView<InboxFilter> views = new ListView<>("views", List.of(InboxFilter.values())) {
            @Override
            protected void populateItem(ListItem<InboxFilter> item) {
                InboxFilter f = item.getModelObject();
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", ConsultationsPage.class,
                        new PageParameters().set(VIEW, f.name().toLowerCase(Locale.ROOT)));
                link.setBody(() -> getString("admin.consultations.view." + f.name()));
                if (f == filter) {
                    link.add(AttributeModifier.replace("aria-current", "page"));
                }
                item.add(link);
            }
        };
        add(views);
        IModel<List<InboxItem>> items = LoadableDetachableModel.of(
                () -> PortalApplication.get().consultations().inbox(filter, user()));
        add(new Label("empty", getString("admin.consultations.empty")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(items.getObject().isEmpty());
            }
        });
        add(new ListView<>("items", items) {
            @Override
            protected void populateItem(ListItem<InboxItem> item) {
                InboxItem c = item.getModelObject();
                if (c.sos()) {
                    item.add(AttributeModifier.append("class", "sos"));
                }
                item.add(new Label("sos", getString("admin.consultations.sos")).setVisible(c.sos()));
                BookmarkablePageLink<Void> open = new BookmarkablePageLink<>("open", ConsultationCasePage.class,
                        new PageParameters().set("id", c.id()));
                open.add(new Label("ticket", c.displayTicket()));
                item.add(open);
                item.add(new Label("topic", getString("consultation.topic." + c.topic().code())));
                item.add(new Label("language", c.language().code()));
                item.add(new Label("channel", getString("admin.consultations.channel." + c.channel().code())));
                item.add(new Label("asked", Texts.dateTime(c.askedAt(), getLocale())));
                item.add(new Label("waiting", waiting(Duration.between(c.askedAt(),
                        PortalApplication.get().clock().instant()))));
                item.add(new Label("assignee", c.assignee() == null ? getString("admin.consultations.nobody") : c.assignee()));
                item.add(new Label("replies", Long.toString(c.replies())));
            }
        });
    }

    private String waiting(Duration d) {
        long hours = Math.max(0, d.toHours());
        return hours < 48 ? Texts.plural(getString("admin.consultations.hours"), getLocale(), hours)
                : Texts.plural(getString("admin.consultations.days"), getLocale(), hours / 24);
    }

    static InboxFilter filterOf(PageParameters parameters) {
        String view = parameters.get(VIEW).toString("open");
        for (InboxFilter f : InboxFilter.values()) {
            if (f.name().equalsIgnoreCase(view)) {
                return f;
            }
        }
        return InboxFilter.OPEN;
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.consultations.title");
    }
}
