package md.migratiesigura.portal.web.account;

import java.util.Arrays;
import md.migratiesigura.portal.account.AccountException;
import md.migratiesigura.portal.account.HashingBusyException;
import md.migratiesigura.portal.account.NewUser;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.account.UserSummary;
import md.migratiesigura.portal.common.Role;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.security.HashingBusy;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.markup.html.form.DropDownChoice;
import org.apache.wicket.markup.html.form.EmailTextField;
import org.apache.wicket.markup.html.form.EnumChoiceRenderer;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.panel.Panel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.model.StringResourceModel;
import org.apache.wicket.validation.validator.StringValidator;

/**
 * The form an administrator creates an account with. The fields are checked first (a message per field); the
 * service checks again and decides on duplicates; a refusal saves nothing and keeps what was typed, except the
 * password.
 */
public class NewUserPanel extends Panel {

    private final IModel<String> email = Model.of("");
    private final IModel<String> displayName = Model.of("");
    private final IModel<Role> role = Model.of();
    private final IModel<String> password = Model.of("");

    public NewUserPanel(String id) {
        super(id);
        Form<Void> form = new Form<>("form") {
            @Override
            protected void onSubmit() {
                create();
            }
        };
        form.add(new EmailTextField("email", email).setRequired(true).setLabel(new ResourceModel("admin.users.email"))
                .add(StringValidator.maximumLength(UserService.MAX_EMAIL)));
        form.add(new TextField<>("displayName", displayName).setRequired(true)
                .setLabel(new ResourceModel("admin.users.name"))
                .add(StringValidator.maximumLength(UserService.MAX_NAME)));
        form.add(new DropDownChoice<>("role", role, Arrays.asList(Role.values()), new EnumChoiceRenderer<>(this))
                .setRequired(true).setLabel(new ResourceModel("admin.users.role")));
        form.add(new PasswordTextField("password", password).setLabel(new ResourceModel("admin.users.password"))
                .add(new PasswordPolicyValidator()));
        add(form);
    }

    private void create() {
        try {
            UserSummary created = PortalApplication.get().users().create(StaffSession.get().user().orElse(null),
                    new NewUser(email.getObject(), displayName.getObject(), role.getObject(), password.getObject()));
            info(new StringResourceModel("admin.users.created", this).setParameters(created.email()).getString());
            email.setObject("");
            displayName.setObject("");
            role.setObject(null);
        } catch (AccountException e) {
            error(getString("admin.users.error." + e.reason().name()));
        } catch (HashingBusyException e) {
            HashingBusy.refuse(this, "busy.retry", e);
        } finally {
            password.setObject("");
        }
    }
}
