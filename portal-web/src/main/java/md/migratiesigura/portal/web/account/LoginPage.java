package md.migratiesigura.portal.web.account;

import md.migratiesigura.portal.account.HashingBusyException;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.DashboardPage;
import md.migratiesigura.portal.web.common.Texts;
import md.migratiesigura.portal.web.security.ClientAddress;
import md.migratiesigura.portal.web.security.HashingBusy;
import md.migratiesigura.portal.web.security.LoginThrottle;
import md.migratiesigura.portal.web.security.StaffSession;
import md.migratiesigura.portal.web.security.StaffSessions;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.markup.html.form.PasswordTextField;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.form.TextField;
import org.apache.wicket.markup.html.panel.FeedbackPanel;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.model.ResourceModel;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.validation.validator.StringValidator;

/**
 * Signing in with e-mail and password; accounts with a second factor go on to {@link LoginCodePage}. The page is
 * stateless, so opening it creates no session; a session is bound
 * only on success, and one that existed before is replaced, so its id changes. Every failure gets the same message.
 * When the server holds as many sessions as it may ({@link StaffSessions}), signing in is refused with 503.
 */
public class LoginPage extends AdminBasePage {

    private static final String ENDED = "session";

    private final IModel<String> email = Model.of("");
    private final IModel<String> password = Model.of("");
    private boolean full;

    public LoginPage(PageParameters parameters) {
        super(parameters);
        if (StaffSession.get().isSignedIn()) {
            throw new RestartResponseException(DashboardPage.class);
        }
        add(new FeedbackPanel("feedback"));
        StatelessForm<Void> form = new StatelessForm<>("form") {
            @Override
            protected void onSubmit() {
                signIn();
            }
        };
        form.add(new TextField<>("email", email).setRequired(true).setLabel(new ResourceModel("admin.login.email"))
                .add(StringValidator.maximumLength(UserService.MAX_EMAIL)));
        form.add(new PasswordTextField("password", password).setLabel(new ResourceModel("admin.login.password")));
        add(form);
        if (parameters.get(ENDED).toOptionalString() != null) {
            info(getString("admin.login.sessionEnded"));
        }
    }

    /** Parameters that make the page say the previous session has ended. */
    public static PageParameters sessionEnded() {
        return new PageParameters().set(ENDED, "ended");
    }

    private void signIn() {
        String address = ClientAddress.of(getRequest());
        // Checked and reserved in one step: parallel guesses count as they arrive, not once each is checked.
        try (LoginThrottle.Attempt attempt = PortalApplication.get().loginThrottle().attempt(email.getObject(), address)) {
            if (!attempt.allowed()) {
                PortalApplication.get().users().recordThrottledLogin(email.getObject());
                long minutes = Math.max(1, (attempt.waitBefore().toSeconds() + 59) / 60);
                error(Texts.plural(getString("admin.login.throttled"), getLocale(), minutes));
                return;
            }
            StaffSession session = StaffSession.get();
            boolean hadSession = !session.isTemporary();
            StaffSession.Step step;
            try {
                step = session.signInWithPassword(email.getObject(), password.getObject());
            } catch (HashingBusyException e) {
                // Nothing was checked: the attempt is given back uncounted as it closes.
                HashingBusy.refuse(this, "busy.retry", e);
                return;
            } catch (StaffSessions.Full e) {
                full = true;
                error(getString("admin.login.full"));
                return;
            }
            if (step == StaffSession.Step.FAILED) {
                attempt.failed();
                error(getString("admin.login.failed"));
                return;
            }
            // A session that existed before the password was accepted may have been planted: give it a new id.
            // (Without one, a new session has just been bound that nobody else can know.) The id changes in place,
            // so the session keeps its slot under the cap: none is given up that another request could take.
            if (hadSession) {
                session.changeSessionId();
            }
            if (step == StaffSession.Step.CODE_REQUIRED) {
                // The throttle's count for this account and address is kept until the code is right too: wrong
                // codes add to it, so re-typing the password never buys more guesses at the code. (Closing the
                // attempt unresolved frees its reservation and counts nothing.)
                setResponsePage(LoginCodePage.class);
            } else {
                attempt.succeeded();
                setResponsePage(DashboardPage.class);
            }
        }
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        if (full) {
            response.setStatus(503);
            response.setHeader("Retry-After", "300");
        }
    }

    @Override
    protected IModel<String> pageTitle() {
        return () -> getString("admin.login.title");
    }
}
