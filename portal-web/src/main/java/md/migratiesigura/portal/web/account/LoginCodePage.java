package md.migratiesigura.portal.web.account;

import java.util.Optional;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.DashboardPage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.ClientAddress;
import md.migratiesigura.portal.web.security.LoginThrottle;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;

/**
 * The second step of signing in, for accounts with a second factor: the six-digit code of the authenticator app.
 * Only reachable within five minutes of a right password; wrong codes count in the login throttle like wrong
 * passwords, for the same account and address.
 */
public class LoginCodePage extends AdminBasePage {

    private final IModel<String> code = Model.of("");

    public LoginCodePage(PageParameters parameters) {
        super(parameters);
        if (StaffSession.get().isSignedIn()) {
            throw new RestartResponseException(DashboardPage.class);
        }
        if (StaffSession.get().awaitingCode().isEmpty()) {
            throw new RestartResponseException(LoginPage.class);
        }
        add(new FeedbackPanel("feedback"));
        StatelessForm<Void> form = new StatelessForm<>("form") {
            @Override
            protected void onSubmit() {
                check();
            }
        };
        form.add(new TextField<>("code", code).setRequired(true).setLabel(new ResourceModel("admin.login.code"))
                .add(StringValidator.maximumLength(20)));
        add(form);
    }

    private void check() {
        StaffSession session = StaffSession.get();
        Optional<SignedInUser> awaited = session.awaitingCode();
        if (awaited.isEmpty()) {
            setResponsePage(LoginPage.class, LoginPage.sessionEnded());
            return;
        }
        String address = ClientAddress.of(getRequest());
        try (LoginThrottle.Attempt attempt = PortalApplication.get().loginThrottle().attempt(awaited.get().email(), address)) {
            if (!attempt.allowed()) {
                PortalApplication.get().secondFactor().recordThrottledCode(awaited.get());
                long minutes = Math.max(1, (attempt.waitBefore().toSeconds() + 59) / 60);
                error(Texts.plural(getString("admin.login.throttled"), getLocale(), minutes));
                return;
            }
            if (session.signInWithCode(code.getObject())) {
                attempt.succeeded();
                // A new id, changed in place: the session keeps its slot under the cap.
                session.changeSessionId();
                setResponsePage(DashboardPage.class);
            } else {
                attempt.failed();
                error(getString("admin.login.code.failed"));
            }
        }
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.login.title");
    }
}
