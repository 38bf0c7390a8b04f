package md.migratiesigura.portal.web.audit;

import md.migratiesigura.portal.audit.AuditRecord;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.navigation.paging.PagingNavigator;
import org.apache.wicket.markup.repeater.Item;
import org.apache.wicket.markup.repeater.data.DataView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** Administrators only: the audit log, newest first, a page at a time. It shows accounts, never addresses. */
@AuthorizeInstantiation(StaffRoles.ADMINISTRATOR)
public class AuditPage extends AdminBasePage {

    static final int PER_PAGE = 25;

    public AuditPage(PageParameters parameters) {
        super(parameters);
        DataView<AuditRecord> entries = new DataView<>("entries", new AuditDataProvider(), PER_PAGE) {
            @Override
            protected void populateItem(Item<AuditRecord> item) {
                AuditRecord entry = item.getModelObject();
                WebMarkupContainer when = new WebMarkupContainer("when");
                when.add(AttributeModifier.replace("datetime", entry.occurredAt().toString()));
                when.add(new Label("text", Texts.dateTime(entry.occurredAt(), getLocale())));
                item.add(when);
                item.add(new Label("who", entry.actorEmail() == null ? getString("admin.audit.nobody") : entry.actorEmail()));
                item.add(new Label("what", getString("admin.audit.action." + entry.action().name())));
                item.add(new Label("target", entry.target() == null ? "" : entry.target()));
                item.add(new Label("detail", detail(entry.detail())));
            }
        };
        add(entries);
        add(new PagingNavigator("pages", entries) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(entries.getPageCount() > 1);
            }
        });
    }

    /** Details are short codes (or a role's name): shown in the page's language when there is a text for them. */
    private String detail(String code) {
        if (code == null) {
            return "";
        }
        for (Role role : Role.values()) {
            if (role.name().equals(code)) {
                return getString("Role." + code);
            }
        }
        return getString("admin.audit.detail." + code, null, code);
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.audit.title");
    }
}
