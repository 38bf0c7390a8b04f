package md.migratiesigura.portal.web;

import java.time.Clock;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.EditorialListQueries;
import md.migratiesigura.portal.article.EditorialService;
import md.migratiesigura.portal.article.RevisionService;
import md.migratiesigura.portal.article.TranslationQueries;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.account.UsersPage;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.DashboardPage;
import md.migratiesigura.portal.web.agency.AgenciesPage;
import md.migratiesigura.portal.web.agency.AgencyImportPage;
import md.migratiesigura.portal.web.article.ArticleEditPage;
import md.migratiesigura.portal.web.article.ArticlePage;
import md.migratiesigura.portal.web.article.ArticlesPage;
import md.migratiesigura.portal.web.article.CategoryPage;
import md.migratiesigura.portal.web.article.NewArticlePage;
import md.migratiesigura.portal.web.article.PreviewResource;
import md.migratiesigura.portal.web.article.RevisionsPage;
import md.migratiesigura.portal.web.article.TagPage;
import md.migratiesigura.portal.web.article.TranslationsPage;
import md.migratiesigura.portal.web.audit.AuditPage;
import md.migratiesigura.portal.web.common.ErrorPage;
import md.migratiesigura.portal.web.common.ExactMountedMapper;
import md.migratiesigura.portal.web.common.LanguageMountedMapper;
import md.migratiesigura.portal.web.common.NotFoundMapper;
import md.migratiesigura.portal.web.common.NotFoundPage;
import md.migratiesigura.portal.web.common.RootRedirectMapper;
import md.migratiesigura.portal.web.consultation.ConsultationAnswerPage;
import md.migratiesigura.portal.web.consultation.ConsultationCasePage;
import md.migratiesigura.portal.web.consultation.ConsultationPage;
import md.migratiesigura.portal.web.consultation.ConsultationsPage;
import md.migratiesigura.portal.web.consultation.ReferralsPage;
import md.migratiesigura.portal.web.event.EventEditPage;
import md.migratiesigura.portal.web.event.EventPage;
import md.migratiesigura.portal.web.event.EventsAdminPage;
import md.migratiesigura.portal.web.event.EventsPage;
import md.migratiesigura.portal.web.event.NewEventPage;
import md.migratiesigura.portal.web.home.HomePage;
import md.migratiesigura.portal.web.report.ReportDownloads;
import md.migratiesigura.portal.web.report.ReportFiguresPage;
import md.migratiesigura.portal.web.report.ReportPage;
import md.migratiesigura.portal.web.riskcheck.RiskCheckPage;
import md.migratiesigura.portal.web.search.SearchPage;
import md.migratiesigura.portal.web.security.LoginThrottle;
import md.migratiesigura.portal.web.security.PasswordChangeListener;
import md.migratiesigura.portal.web.security.StaffSession;
import md.migratiesigura.portal.web.security.StaffSessionListener;
import md.migratiesigura.portal.web.visits.VisitsPage;
import org.apache.wicket.Application;
import org.apache.wicket.Component;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.RuntimeConfigurationType;
import org.apache.wicket.authroles.authentication.AbstractAuthenticatedWebSession;
import org.apache.wicket.authroles.authentication.AuthenticatedWebApplication;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler.RedirectPolicy;
import org.apache.wicket.csp.CSPDirective;
import org.apache.wicket.csp.CSPDirectiveSrcValue;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.protocol.http.ResourceIsolationRequestCycleListener;
import org.apache.wicket.request.component.IRequestablePage;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.ResourceReference;
import org.apache.wicket.settings.ExceptionSettings;

/**
 * The Wicket application: pages, mounts, security and localisation. Services come in through the constructor.
 * Public pages are open to all and stateless; back-office pages under {@code /admin/} need a signed-in
 * {@link StaffSession} with the role their {@code @AuthorizeInstantiation} names.
 */
public class PortalApplication extends AuthenticatedWebApplication {

    private final PortalServices services;
    private final PortalConfig config;
    private final Clock clock;
    private final LoginThrottle loginThrottle;

    public PortalApplication(PortalServices services, PortalConfig config) {
        this(services, config, Clock.systemUTC());
    }

    /** With a clock of the test's choosing, for the session timeouts and the login throttle. */
    public PortalApplication(PortalServices services, PortalConfig config, Clock clock) {
        this.services = services;
        this.config = config;
        this.clock = clock;
        this.loginThrottle = new LoginThrottle(clock);
    }

    public static PortalApplication get() {
        return (PortalApplication) Application.get();
    }

    public ArticleService articles() {
        return services.articles();
    }

    public UserService users() {
        return services.users();
    }

    public AuditService audit() {
        return services.audit();
    }

    public EditorialService editorial() {
        return services.editorial();
    }

    public EditorialListQueries editorialList() {
        return services.editorialList();
    }

    public RevisionService revisions() {
        return services.revisions();
    }

    public TranslationQueries translations() {
        return services.translations();
    }

    public ImageService images() {
        return services.images();
    }

    public Clock clock() {
        return clock;
    }

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    public RiskCheckService riskCheck() {
        return services.riskCheck();
    }

    public AgencyService agencies() {
        return services.agencies();
    }

    public PortalServices services() {
        return services;
    }

    public PortalConfig config() {
        return config;
    }

    @Override
    public Class<? extends WebPage> getHomePage() {
        return HomePage.class;
    }

    @Override
    protected Class<? extends AbstractAuthenticatedWebSession> getWebSessionClass() {
        return StaffSession.class;
    }

    @Override
    protected Class<? extends WebPage> getSignInPageClass() {
        return LoginPage.class;
    }

    /**
     * Sends an anonymous visitor of a back-office page to the login, by a plain redirect: Wicket's default would
     * remember the page asked for in a session, and so give a cookie to anyone who probes {@code /admin/}.
     */
    @Override
    public void restartResponseAtSignInPage() {
        throw new RestartResponseException(new PageProvider(LoginPage.class), RedirectPolicy.ALWAYS_REDIRECT);
    }

    /** A signed-in user without the page's role: recorded, and answered 403 at the address asked for. */
    @Override
    protected void onUnauthorizedPage(Component page) {
        String path = RequestCycle.get().getRequest().getUrl().getPath();
        StaffSession.get().user().ifPresent(user -> audit().record(user, AuditAction.ACCESS_DENIED, path, null));
        throw new RestartResponseException(new PageProvider(AccessDeniedPage.class), RedirectPolicy.NEVER_REDIRECT);
    }

    @Override
    public RuntimeConfigurationType getConfigurationType() {
        // Tests and production alike: no development banners, no stack traces shown to visitors.
        return RuntimeConfigurationType.DEPLOYMENT;
    }

    @Override
    protected void init() {
        super.init();
        configureMarkup();
        configureSecurity();
        configureErrorPages();
        mountPages();
    }

    private void configureMarkup() {
        // The default markup encoding is the OS charset: Romanian and Cyrillic text needs UTF-8 on every machine.
        getMarkupSettings().setDefaultMarkupEncoding("UTF-8");
        getRequestCycleSettings().setResponseRequestEncoding("UTF-8");
        getMarkupSettings().setStripWicketTags(true);
        getMarkupSettings().setCompressWhitespace(true);
    }

    private void configureSecurity() {
        // Wicket's strict, nonce-based policy, tightened: no plugins, no <base>, no framing, forms post home only.
        getCspSettings().blocking()
                .remove(CSPDirective.OBJECT_SRC).add(CSPDirective.OBJECT_SRC, CSPDirectiveSrcValue.NONE)
                .remove(CSPDirective.BASE_URI).add(CSPDirective.BASE_URI, CSPDirectiveSrcValue.NONE)
                .remove(CSPDirective.FRAME_ANCESTORS).add(CSPDirective.FRAME_ANCESTORS, CSPDirectiveSrcValue.NONE)
                .remove(CSPDirective.FORM_ACTION).add(CSPDirective.FORM_ACTION, CSPDirectiveSrcValue.SELF);
        getRequestCycleListeners().add(new ResourceIsolationRequestCycleListener());
        getRequestCycleListeners().add(new StaffSessionListener());
        getRequestCycleListeners().add(new PasswordChangeListener());
        getRequestCycleListeners().add(new md.migratiesigura.portal.web.security.BadRequestListener());
    }

    private void configureErrorPages() {
        getApplicationSettings().setInternalErrorPage(ErrorPage.class);
        getApplicationSettings().setPageExpiredErrorPage(HomePage.class);
        getApplicationSettings().setAccessDeniedPage(AccessDeniedPage.class);
        getExceptionSettings().setUnexpectedExceptionDisplay(ExceptionSettings.SHOW_INTERNAL_ERROR_PAGE);
    }

    private void mountPages() {
        getRootRequestMapperAsCompound().add(new RootRedirectMapper());
        mountIn("ro", "/ro/", HomePage.class);
        mountIn("ru", "/ru/", HomePage.class);
        mountIn("ro", "/ro/articole/${slug}", ArticlePage.class);
        mountIn("ru", "/ru/stati/${slug}", ArticlePage.class);
        mountIn("ro", "/ro/categorie/${key}", CategoryPage.class);
        mountIn("ru", "/ru/kategoriya/${key}", CategoryPage.class);
        mountIn("ro", "/ro/eticheta/${tag}", TagPage.class);
        mountIn("ru", "/ru/metka/${tag}", TagPage.class);
        mountIn("ro", "/ro/cautare", SearchPage.class);
        mountIn("ru", "/ru/poisk", SearchPage.class);
        mountIn("ro", "/ro/raport/${year}", ReportPage.class);
        mountIn("ru", "/ru/otchet/${year}", ReportPage.class);
        mountResource("/ro/raport/${year}/${file}", ReportDownloads.reference(Language.RO));
        mountResource("/ru/otchet/${year}/${file}", ReportDownloads.reference(Language.RU));
        // The back office is not language-prefixed: its language is the user's choice, kept in the session.
        mount(new ExactMountedMapper("/admin/", DashboardPage.class));
        mount(new ExactMountedMapper("/admin/login", LoginPage.class));
        mount(new ExactMountedMapper("/admin/users", UsersPage.class));
        mount(new ExactMountedMapper("/admin/audit", AuditPage.class));
        mount(new ExactMountedMapper("/admin/visits", VisitsPage.class));
        mount(new ExactMountedMapper("/admin/report/#{year}", ReportFiguresPage.class));
        mount(new ExactMountedMapper("/admin/articles", ArticlesPage.class));
        mount(new ExactMountedMapper("/admin/articles/new", NewArticlePage.class));
        mount(new ExactMountedMapper("/admin/articles/${key}", ArticleEditPage.class));
        mount(new ExactMountedMapper("/admin/articles/${key}/revisions", RevisionsPage.class));
        mount(new ExactMountedMapper("/admin/translations", TranslationsPage.class));
        mountResource("/admin/preview", new ResourceReference(PreviewResource.class, "preview") {
            @Override
            public IResource getResource() {
                return new PreviewResource();
            }
        });
        mount(new ExactMountedMapper("/admin/access-denied", AccessDeniedPage.class));
        // Account security (issue 9): the second step of signing in, the user's own account, password resets.
        mount(new ExactMountedMapper("/admin/login/code", md.migratiesigura.portal.web.account.LoginCodePage.class));
        mount(new ExactMountedMapper("/admin/account", md.migratiesigura.portal.web.account.AccountPage.class));
        mount(new ExactMountedMapper("/admin/users/${id}/password",
                md.migratiesigura.portal.web.account.UserPasswordPage.class));
        mountIn("ro", "/ro/verifica-oferta", RiskCheckPage.class);
        mountIn("ru", "/ru/proverka-vakansii", RiskCheckPage.class);
        mountIn("ro", "/ro/agentii", AgenciesPage.class);
        mountIn("ru", "/ru/agentstva", AgenciesPage.class);
        // Events (their .ics files are served before Wicket, by EventCalendarFilter)
        mountIn("ro", "/ro/evenimente", EventsPage.class);
        mountIn("ru", "/ru/sobytiya", EventsPage.class);
        mountIn("ro", "/ro/evenimente/${id}", EventPage.class);
        mountIn("ru", "/ru/sobytiya/${id}", EventPage.class);
        mount(new ExactMountedMapper("/admin/events", EventsAdminPage.class));
        mount(new ExactMountedMapper("/admin/events/new", NewEventPage.class));
        mount(new ExactMountedMapper("/admin/events/${key}", EventEditPage.class));
        // Online consultations: the public form and answer pages, the counsellors' inbox, the referral list.
        mountIn("ro", "/ro/consultatie", ConsultationPage.class);
        mountIn("ru", "/ru/konsultatsiya", ConsultationPage.class);
        mountIn("ro", "/ro/consultatie/raspuns", ConsultationAnswerPage.class);
        mountIn("ru", "/ru/konsultatsiya/otvet", ConsultationAnswerPage.class);
        mount(new ExactMountedMapper("/admin/consultations", ConsultationsPage.class));
        mount(new ExactMountedMapper("/admin/consultations/${id}", ConsultationCasePage.class));
        mount(new ExactMountedMapper("/admin/referrals", ReferralsPage.class));
        mount(new ExactMountedMapper("/admin/agencies", AgencyImportPage.class));
        getRootRequestMapperAsCompound().add(new NotFoundMapper());
    }

    private void mountIn(String language, String path, Class<? extends IRequestablePage> page) {
        mount(new LanguageMountedMapper(language, path, page));
    }
}
