package md.migratiesigura.portal.web.admin;

import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.SignedInUser;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.common.BasePage;
import md.migratiesigura.portal.web.security.HashingBusy;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.TransparentWebMarkupContainer;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.form.StatelessForm;
import org.apache.wicket.markup.html.link.BookmarkablePageLink;
import org.apache.wicket.markup.html.list.ListItem;
import org.apache.wicket.markup.html.list.ListView;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.LoadableDetachableModel;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.CssResourceReference;

/**
 * The frame of every back-office page: {@code <html lang>} from the session's language (Romanian unless the user
 * switched), the site's name, the sections the signed-in role may open, the language switch and the logout button.
 * Nothing here is cached by the browser. Pages that need a role say so with {@code @AuthorizeInstantiation}.
 * <p>
 * Before signing in there is no session to remember a language in (none is made for anyone who has not typed a
 * right password), so the address carries it: {@code ?lang=ru}, kept by the login and code pages' links and forms.
 * Once signed in, the session keeps the choice.
 */
public abstract class AdminBasePage extends WebPage {

    public static final CssResourceReference CSS = new CssResourceReference(AdminBasePage.class, "admin.css");

    /** The page parameter that chooses the back office's language. */
    public static final String LANG = "lang";

    protected AdminBasePage(PageParameters parameters) {
        super(parameters);
        Language.ofCode(parameters.get(LANG).toOptionalString()).ifPresent(l -> getSession().setLocale(l.locale()));
        add(new TransparentWebMarkupContainer("html").add(AttributeModifier.replace("lang", () -> getLocale().getLanguage())));
        add(new Label("title", () -> pageTitle().getObject() + " · " + getString("admin.name")));
        add(new BookmarkablePageLink<Void>("dashboard", DashboardPage.class, languageOf(parameters)));
        add(newLanguageSwitch("languageSwitch", parameters));
        add(new Label("signedInAs", () -> user() == null ? "" : user().displayName() + " · " + getString("Role." + user().role().name())) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(user() != null);
            }
        });
        add(newLogoutForm("logoutForm"));
        WebMarkupContainer navigation = new WebMarkupContainer("navigation") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(user() != null);
            }
        };
        navigation.add(new ListView<>("sections", LoadableDetachableModel.of(AdminSections::allowed)) {
            @Override
            protected void populateItem(ListItem<AdminSections.Section> item) {
                BookmarkablePageLink<Void> link = new BookmarkablePageLink<>("link", item.getModelObject().page());
                link.add(new Label("name", getString(item.getModelObject().key())));
                item.add(link);
            }
        });
        add(navigation);
    }

    /** The page's own title; the back office's name is appended. */
    protected abstract IModel<String> pageTitle();

    /** Who is signed in, or null on the login page. */
    protected SignedInUser user() {
        return StaffSession.get().user().orElse(null);
    }

    /** Page parameters that show a back-office page in the language. */
    public static PageParameters inLanguage(Language language) {
        return new PageParameters().set(LANG, language.code());
    }

    /** The language the address asked for, alone, for links that keep it; none when it asked for none. */
    private static PageParameters languageOf(PageParameters parameters) {
        return Language.ofCode(parameters.get(LANG).toOptionalString()).map(AdminBasePage::inLanguage)
                .orElseGet(PageParameters::new);
    }

    private Component newLanguageSwitch(String id, PageParameters parameters) {
        Language other = StaffSession.get().language().other();
        // A plain link to this page in the other language: no listener, nothing bound, with or without a session.
        PageParameters target = new PageParameters(parameters).set(LANG, other.code());
        BookmarkablePageLink<Void> link = new BookmarkablePageLink<>(id, getPageClass(), target);
        link.add(AttributeModifier.replace("lang", other.code()));
        link.add(AttributeModifier.replace("hreflang", other.code()));
        link.setBody(() -> getString("language.switch." + other.code()));
        return link;
    }

    private Component newLogoutForm(String id) {
        // A POST, so that neither a prefetching browser nor an image tag on another site can end the session.
        return new StatelessForm<Void>(id) {
            @Override
            protected void onSubmit() {
                StaffSession session = StaffSession.get();
                session.user().ifPresent(u -> PortalApplication.get().audit().record(u, AuditAction.LOGOUT, null, null));
                // Chats the counsellor held go back to the head of the queue at once (the live chat).
                session.user().ifPresent(u -> PortalApplication.get().chatConsole().leave(u.id()));
                session.invalidate();
                setResponsePage(LoginPage.class);
            }

            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(user() != null);
            }
        };
    }

    @Override
    protected void setHeaders(WebResponse response) {
        super.setHeaders(response);
        response.setHeader("Cache-Control", "no-store");
    }

    @Override
    protected void configureResponse(WebResponse response) {
        super.configureResponse(response);
        HashingBusy.applyTo(response);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        response.render(CssHeaderItem.forReference(BasePage.CSS));
        response.render(CssHeaderItem.forReference(CSS));
    }
}
