package md.migratiesigura.portal.web.account;

import md.migratiesigura.portal.account.AccountException;
import md.migratiesigura.portal.account.HashingBusyException;
import md.migratiesigura.portal.account.PasswordPolicy;
import md.migratiesigura.portal.account.Totp;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.security.ClientAddress;
import md.migratiesigura.portal.web.security.HashingBusy;
import md.migratiesigura.portal.web.security.LoginThrottle;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.Form;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;

/**
 * The signed-in user's own account: changing the password (the current one first; every other session then ends)
 * and turning on the second factor (the secret is shown as an {@code otpauth://} address and as base32 text to type
 * into an authenticator app, and as a QR code of that address drawn on the server; it is switched on only once a
 * code from the app is confirmed, and never shown again).
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR, StaffRoles.TRAINER, StaffRoles.COUNSELLOR})
public class AccountPage extends AdminBasePage {

    private static final String ISSUER = "Migrație sigură";

    private final IModel<String> current = Model.of("");
    private final IModel<String> next = Model.of("");
    private final IModel<String> repeat = Model.of("");
    private final IModel<String> code = Model.of("");

    public AccountPage(PageParameters parameters) {
        super(parameters);
        add(new FeedbackPanel("feedback"));
        add(new Label("passwordRequired", () -> getString("admin.account.password.required")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(StaffSession.get().passwordChangeRequired());
            }
        });
        add(newPasswordForm("passwordForm"));
        add(new Label("secondFactorOn", () -> getString("admin.account.totp.on")) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(secondFactorOn());
            }
        });
        // Starting and cancelling the set-up change the session: forms sent by POST, like every change here.
        add(new Form<Void>("startEnrolment") {
            @Override
            protected void onSubmit() {
                StaffSession.get().enrolmentSecret();
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!secondFactorOn() && !StaffSession.get().isEnrolling());
            }
        });
        add(newEnrolment("enrolment"));
    }

    private Form<Void> newPasswordForm(String id) {
        Form<Void> form = new Form<>(id) {
            @Override
            protected void onSubmit() {
                changePassword();
            }
        };
        PasswordTextField currentField = new PasswordTextField("current", current);
        currentField.setLabel(new ResourceModel("admin.account.current"));
        currentField.add(StringValidator.maximumLength(PasswordPolicy.MAX_LENGTH));
        form.add(currentField);
        PasswordPolicyValidator.addNewPasswordFields(form, "next", next, "repeat", repeat);
        return form;
    }

    private void changePassword() {
        // Guessing the current password here is throttled like guessing it at the login.
        try (LoginThrottle.Attempt attempt = PortalApplication.get().loginThrottle().attempt(user().email(), ClientAddress.of(getRequest()))) {
            if (!attempt.allowed()) {
                PortalApplication.get().users().recordThrottledPasswordChange(user());
                error(getString("admin.account.throttled"));
                return;
            }
            try {
                int generation = PortalApplication.get().users().changePassword(user(), current.getObject(), next.getObject());
                StaffSession.get().continueAs(generation);
                attempt.succeeded();
                info(getString("admin.account.passwordChanged"));
            } catch (AccountException e) {
                if (e.reason() == AccountException.Reason.WRONG_PASSWORD) {
                    attempt.failed();
                }
                error(getString("admin.users.error." + e.reason().name()));
            } catch (HashingBusyException e) {
                HashingBusy.refuse(this, "busy.retry", e);
            }
        } finally {
            current.setObject("");
            next.setObject("");
            repeat.setObject("");
        }
    }

    private WebMarkupContainer newEnrolment(String id) {
        WebMarkupContainer enrolment = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!secondFactorOn() && StaffSession.get().isEnrolling());
            }
        };
        // Read from the session at render time only: the secret never becomes part of a stored page.
        IModel<String> uri = () -> StaffSession.get().isEnrolling()
                ? Totp.uri(ISSUER, user().email(), StaffSession.get().enrolmentSecret()) : "";
        enrolment.add(new QrCodeSvg("qr", uri, new ResourceModel("admin.account.totp.qr")));
        enrolment.add(new Label("uri", uri));
        enrolment.add(new Label("secret", () -> StaffSession.get().isEnrolling()
                ? grouped(Totp.base32(StaffSession.get().enrolmentSecret())) : ""));
        Form<Void> confirm = new Form<>("confirmForm") {
            @Override
            protected void onSubmit() {
                confirm();
            }
        };
        confirm.add(new TextField<>("code", code).setRequired(true).setLabel(new ResourceModel("admin.login.code"))
                .add(StringValidator.maximumLength(20)));
        enrolment.add(confirm);
        enrolment.add(new Form<Void>("cancel") {
            @Override
            protected void onSubmit() {
                StaffSession.get().endEnrolment();
            }
        });
        return enrolment;
    }

    private void confirm() {
        StaffSession session = StaffSession.get();
        try {
            PortalApplication.get().secondFactor().enableSecondFactor(user(), session.enrolmentSecret(), code.getObject());
            session.endEnrolment();
            info(getString("admin.account.totp.enabled"));
        } catch (AccountException e) {
            error(getString("admin.users.error." + e.reason().name()));
        } finally {
            code.setObject("");
        }
    }

    private boolean secondFactorOn() {
        return user() != null && PortalApplication.get().secondFactor().hasSecondFactor(user().id());
    }

    /** Groups of four letters, easier to copy by hand. */
    private static String grouped(String base32) {
        return base32.replaceAll("(.{4})(?!$)", "$1 ");
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.account.title");
    }
}
