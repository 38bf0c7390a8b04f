package md.migratiesigura.portal.web.account;

import md.migratiesigura.portal.account.AccountException;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.danekja.java.util.function.serializable.SerializableConsumer;

/**
 * Administrators only: every account with its role, status and second factor; enabling and disabling, ending a
 * user's sessions, resetting a lost second factor or a password, and creating accounts.
 */
@AuthorizeInstantiation(StaffRoles.ADMINISTRATOR)
public class UsersPage extends AdminBasePage {

    public UsersPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        add(new ListView<>("users", LoadableDetachableModel.of(() -> PortalApplication.get().users().list())) {
            @Override
            protected void populateItem(ListItem<UserSummary> item) {
                UserSummary user = item.getModelObject();
                item.add(new Label("email", user.email()));
                item.add(new Label("name", user.displayName()));
                item.add(new Label("role", getString("Role." + user.role().name())));
                item.add(new Label("status", getString(user.enabled() ? "admin.users.enabled" : "admin.users.disabled")));
                // The row's own record, not its index: the list may change between showing and clicking.
                item.add(newToggleForm("toggle", Model.of(user)));
                item.add(new Label("secondFactor", getString(user.secondFactor() ? "admin.users.totp.on" : "admin.users.totp.off")));
                item.add(newAction("endSessions", Model.of(user), "admin.users.sessionsEnded",
                        target -> PortalApplication.get().users().endSessions(user(), target.id()))
                        .setVisible(user.id() != signedInId()));
                item.add(newAction("resetTotp", Model.of(user), "admin.users.totpReset",
                        target -> PortalApplication.get().secondFactor().resetSecondFactor(user(), target.id()))
                        .setVisible(user.secondFactor()));
                item.add(new BookmarkablePageLink<Void>("resetPassword", UserPasswordPage.class,
                        new PageParameters().set("id", user.id())).setVisible(user.id() != signedInId()));
            }
        });
        add(new NewUserPanel("newUser"));
    }

    /**
     * A button that does one thing to the row's account, then says so (or why not). A form sent by POST, as every
     * change in the back office: no prefetch, link preview or image on another page can set it off.
     */
    private Form<UserSummary> newAction(String id, IModel<UserSummary> row, String doneKey,
                                        SerializableConsumer<UserSummary> action) {
        return new Form<>(id, row) {
            @Override
            protected void onSubmit() {
                UserSummary target = getModelObject();
                try {
                    action.accept(target);
                    UsersPage.this.info(new StringResourceModel(doneKey, UsersPage.this).setParameters(target.email())
                            .getString());
                } catch (AccountException e) {
                    UsersPage.this.error(getString("admin.users.error." + e.reason().name()));
                }
            }
        };
    }

    private Form<UserSummary> newToggleForm(String id, IModel<UserSummary> row) {
        Form<UserSummary> form = new Form<>(id, row) {
            @Override
            protected void onSubmit() {
                UserSummary target = getModelObject();
                try {
                    PortalApplication.get().users().setEnabled(user(), target.id(), !target.enabled());
                    UsersPage.this.info(new StringResourceModel(target.enabled() ? "admin.users.disabledNow" : "admin.users.enabledNow",
                            UsersPage.this).setParameters(target.email()).getString());
                } catch (AccountException e) {
                    UsersPage.this.error(getString("admin.users.error." + e.reason().name()));
                }
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                // An administrator cannot disable themself: the button is not offered (the service refuses too).
                setVisible(!(getModelObject().enabled() && getModelObject().id() == signedInId()));
            }
        };
        form.add(new Label("label", () -> getString(row.getObject().enabled() ? "admin.users.disable" : "admin.users.enable")));
        return form;
    }

    private long signedInId() {
        return user() == null ? -1 : user().id();
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.users.title");
    }
}
