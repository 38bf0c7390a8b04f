package md.migratiesigura.portal.web.account;

import md.migratiesigura.portal.account.AccountException;
import md.migratiesigura.portal.account.HashingBusyException;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.HashingBusy;
import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Administrators only: a new password for another user (forgotten, or possibly known to someone else). Every session
 * of that user ends. An unknown account is a 404.
 */
@AuthorizeInstantiation(StaffRoles.ADMINISTRATOR)
public class UserPasswordPage extends AdminBasePage {

    private final IModel<String> password = Model.of("");
    private final IModel<String> repeat = Model.of("");

    public UserPasswordPage(PageParameters parameters) {
        super(parameters);
        long id = parameters.get("id").toLong(-1);
        UserSummary target = PortalApplication.get().users().list().stream().filter(u -> u.id() == id).findFirst()
                .orElseThrow(() -> new AbortWithHttpErrorCodeException(404));
        add(new Label("email", target.email()));
        add(new FeedbackPanel("feedback"));
        Form<Void> form = new Form<>("form") {
            @Override
            protected void onSubmit() {
                try {
                    PortalApplication.get().users().resetPassword(user(), target.id(), password.getObject());
                    getSession().info(new StringResourceModel("admin.users.passwordReset", UserPasswordPage.this)
                            .setParameters(target.email()).getString());
                    setResponsePage(UsersPage.class);
                } catch (AccountException e) {
                    error(getString("admin.users.error." + e.reason().name()));
                } catch (HashingBusyException e) {
                    HashingBusy.refuse(this, "busy.retry", e);
                } finally {
                    password.setObject("");
                    repeat.setObject("");
                }
            }
        };
        PasswordPolicyValidator.addNewPasswordFields(form, "password", password, "repeat", repeat);
        add(form);
        add(new BookmarkablePageLink<Void>("back", UsersPage.class));
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.users.resetPassword.title");
    }
}
