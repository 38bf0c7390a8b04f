package md.migratiesigura.portal.web.security;

import java.util.Set;
import md.migratiesigura.portal.web.account.AccountPage;
import md.migratiesigura.portal.web.account.LoginCodePage;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.Session;
import org.apache.wicket.core.request.handler.IPageClassRequestHandler;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler.RedirectPolicy;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;

/**
 * Sends a user signed in with a password someone else set (the first administrator's one-time password, an
 * administrator's reset) from every back-office page, and every form or link on one, to {@link AccountPage} until
 * they have chosen their own. The login pages stay open, and the account page's own forms (the change itself, the
 * logout) work. Requests without a staff session are left alone.
 */
public class PasswordChangeListener implements IRequestCycleListener {

    private static final Set<Class<?>> OPEN = Set.of(AccountPage.class, LoginPage.class, LoginCodePage.class);

    @Override
    public void onRequestHandlerResolved(RequestCycle cycle, IRequestHandler handler) {
        if (handler instanceof IPageClassRequestHandler page
                && AdminBasePage.class.isAssignableFrom(page.getPageClass()) && !OPEN.contains(page.getPageClass())
                && Session.exists() && Session.get() instanceof StaffSession session
                && session.user().isPresent() && session.passwordChangeRequired()) {
            throw new RestartResponseException(new PageProvider(AccountPage.class), RedirectPolicy.ALWAYS_REDIRECT);
        }
    }
}
