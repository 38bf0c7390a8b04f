package md.migratiesigura.portal.web;

import java.time.Clock;
import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.account.SecondFactorService;
import md.migratiesigura.portal.account.UserService;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.article.ArticleService;
import md.migratiesigura.portal.article.EditorialListQueries;
import md.migratiesigura.portal.article.EditorialService;
import md.migratiesigura.portal.article.PageService;
import md.migratiesigura.portal.article.RevisionService;
import md.migratiesigura.portal.article.TranslationQueries;
import md.migratiesigura.portal.audit.AuditAction;
import md.migratiesigura.portal.audit.AuditService;
import md.migratiesigura.portal.chat.CannedAnswers;
import md.migratiesigura.portal.chat.ChatConsole;
import md.migratiesigura.portal.chat.ChatService;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.consultation.ConsultationService;
import md.migratiesigura.portal.consultation.ReferralService;
import md.migratiesigura.portal.event.EventReportSource;
import md.migratiesigura.portal.event.EventService;
import md.migratiesigura.portal.materials.MaterialService;
import md.migratiesigura.portal.media.ImageService;
import md.migratiesigura.portal.navigation.NavigationService;
import md.migratiesigura.portal.register.RegisterService;
import md.migratiesigura.portal.report.EarlierYearService;
import md.migratiesigura.portal.report.ReportService;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.search.ContentVersion;
import md.migratiesigura.portal.search.SearchService;
import md.migratiesigura.portal.search.SearchWordsService;
import md.migratiesigura.portal.visits.VisitCounter;
import md.migratiesigura.portal.visits.VisitStatistics;
import md.migratiesigura.portal.web.account.AccountRoutes;
import md.migratiesigura.portal.web.account.LoginPage;
import md.migratiesigura.portal.web.admin.AccessDeniedPage;
import md.migratiesigura.portal.web.admin.AdminBasePage;
import md.migratiesigura.portal.web.admin.AdminRoutes;
import md.migratiesigura.portal.web.agency.AgencyRoutes;
import md.migratiesigura.portal.web.article.ArticleRoutes;
import md.migratiesigura.portal.web.audit.AuditRoutes;
import md.migratiesigura.portal.web.cache.RenderedFiles;
import md.migratiesigura.portal.web.common.ErrorPage;
import md.migratiesigura.portal.web.common.InlineStyle;
import md.migratiesigura.portal.web.common.NotFoundMapper;
import md.migratiesigura.portal.web.common.PublicUrls;
import md.migratiesigura.portal.web.common.RootRedirectMapper;
import md.migratiesigura.portal.web.chat.ChatRoutes;
import md.migratiesigura.portal.web.consultation.ConsultationRoutes;
import md.migratiesigura.portal.web.event.EventRoutes;
import md.migratiesigura.portal.web.home.HomePage;
import md.migratiesigura.portal.web.home.HomeRoutes;
import md.migratiesigura.portal.web.materials.MaterialRoutes;
import md.migratiesigura.portal.web.pages.PageRoutes;
import md.migratiesigura.portal.web.report.ReportDownloads;
import md.migratiesigura.portal.web.register.RegisterRoutes;
import md.migratiesigura.portal.web.report.ReportRoutes;
import md.migratiesigura.portal.web.riskcheck.RiskCheckRoutes;
import md.migratiesigura.portal.web.search.SearchRoutes;
import md.migratiesigura.portal.web.security.AdminMountsListener;
import md.migratiesigura.portal.web.security.PostedFormsListener;
import md.migratiesigura.portal.web.security.BadRequestListener;
import md.migratiesigura.portal.web.security.LoginThrottle;
import md.migratiesigura.portal.web.security.PasswordChangeListener;
import md.migratiesigura.portal.web.security.StaffSession;
import md.migratiesigura.portal.web.security.StaffSessionListener;
import md.migratiesigura.portal.web.security.StaffSessionStore;
import md.migratiesigura.portal.web.security.StaffSessions;
import md.migratiesigura.portal.web.visits.VisitsRoutes;
import org.apache.wicket.Application;
import org.apache.wicket.Component;
import org.apache.wicket.DefaultPageManagerProvider;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.RuntimeConfigurationType;
import org.apache.wicket.authroles.authentication.AbstractAuthenticatedWebSession;
import org.apache.wicket.authroles.authentication.AuthenticatedWebApplication;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler.RedirectPolicy;
import org.apache.wicket.csp.CSPDirective;
import org.apache.wicket.csp.CSPDirectiveSrcValue;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.pageStore.IPageStore;
import org.apache.wicket.pageStore.InSessionPageStore;
import org.apache.wicket.protocol.http.ResourceIsolationRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.settings.ExceptionSettings;
import org.apache.wicket.util.lang.Bytes;

/**
 * The Wicket application: pages, mounts, security and localisation. Services come in through the constructor.
 * Public pages are open to all and stateless; back-office pages under {@code /admin/} need a signed-in
 * {@link StaffSession} with the role their {@code @AuthorizeInstantiation} names.
 */
public class PortalApplication extends AuthenticatedWebApplication {

    /** Serialized back-office pages kept per session besides the current one: the back button's reach. */
    private static final Bytes STORED_PAGES_PER_SESSION = Bytes.kilobytes(512);

    private final PortalServices services;
    private final PortalConfig config;
    private final Clock clock;
    private final LoginThrottle loginThrottle;
    private final PublicUrls urls;
    private final RenderedFiles<String> reportFiles;
    private final StaffSessions staffSessions;

    public PortalApplication(PortalServices services, PortalConfig config) {
        this(services, config, Clock.systemUTC());
    }

    /** With a clock of the test's choosing, for the session timeouts and the login throttle. */
    public PortalApplication(PortalServices services, PortalConfig config, Clock clock) {
        this(services, config, clock, new StaffSessions(StaffSessions.DEFAULT_LIMIT));
    }

    /** With the count of live server sessions, which the server keeps as Jetty creates and destroys them. */
    public PortalApplication(PortalServices services, PortalConfig config, Clock clock, StaffSessions staffSessions) {
        this.services = services;
        this.config = config;
        this.clock = clock;
        this.loginThrottle = new LoginThrottle(clock, services.throttles());
        this.urls = new PublicUrls(config.publicBaseUrl());
        this.reportFiles = new RenderedFiles<>(ReportDownloads.FILES_KEPT, ContentVersion::current, clock);
        this.staffSessions = staffSessions;
    }

    public static PortalApplication get() {
        return (PortalApplication) Application.get();
    }

    // The core's services, one accessor each: pages, panels and models reach them as PortalApplication.get().x().

    public ArticleService articles() {
        return services.articles();
    }

    public UserService users() {
        return services.users();
    }

    public SecondFactorService secondFactor() {
        return services.secondFactor();
    }

    public AuditService audit() {
        return services.audit();
    }

    public EditorialService editorial() {
        return services.editorial();
    }

    public SearchService search() {
        return services.search();
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

    public MaterialService materials() {
        return services.materials();
    }

    public ImageService images() {
        return services.images();
    }

    public EventService events() {
        return services.events();
    }

    public EventReportSource eventFigures() {
        return services.eventFigures();
    }

    public ConsultationService consultations() {
        return services.consultations();
    }

    public ReferralService referrals() {
        return services.referrals();
    }

    public RegisterService register() {
        return services.register();
    }

    public SearchWordsService searchWords() {
        return services.searchWords();
    }

    public ChatService chat() {
        return services.chat();
    }

    public ChatConsole chatConsole() {
        return services.chatConsole();
    }

    public CannedAnswers cannedAnswers() {
        return services.cannedAnswers();
    }

    /** The report's PDF and tables as last made: see {@link ReportDownloads}. */
    public RenderedFiles<String> reportFiles() {
        return reportFiles;
    }

    public RiskCheckService riskCheck() {
        return services.riskCheck();
    }

    public AgencyService agencies() {
        return services.agencies();
    }

    public ReportService reports() {
        return services.reports();
    }

    public EarlierYearService earlierYears() {
        return services.earlierYears();
    }

    public VisitStatistics visitStatistics() {
        return services.visitStatistics();
    }

    public VisitCounter visitCounter() {
        return services.visitCounter();
    }

    public Clock clock() {
        return clock;
    }

    public PageService pages() {
        return services.pages();
    }

    public NavigationService navigation() {
        return services.navigation();
    }

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    public PortalConfig config() {
        return config;
    }

    /** The live server sessions and their cap. */
    public StaffSessions staffSessions() {
        return staffSessions;
    }

    /** Absolute public addresses, for canonical links and feeds. */
    public PublicUrls urls() {
        return urls;
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
     * Sends an anonymous visitor of a back-office page to the login, by a plain redirect, in the language the address
     * asked for: Wicket's default would remember the page asked for in a session, and so give a cookie to anyone who
     * probes {@code /admin/}.
     */
    @Override
    public void restartResponseAtSignInPage() {
        String lang = RequestCycle.get().getRequest().getQueryParameters().getParameterValue(AdminBasePage.LANG)
                .toOptionalString();
        PageParameters parameters = Language.ofCode(lang).map(AdminBasePage::inLanguage).orElseGet(PageParameters::new);
        throw new RestartResponseException(new PageProvider(LoginPage.class, parameters), RedirectPolicy.ALWAYS_REDIRECT);
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
        configurePageStore();
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

    /**
     * Stateful pages (the back office's; public pages are stateless and never stored) are kept in the staff session's
     * memory only, and go with it: Wicket's default writes them to files under the temp folder, where a page that
     * showed a consultation would outlive the retention of its texts. The page being worked on is always kept;
     * older ones, for the back button, up to {@link #STORED_PAGES_PER_SESSION} serialized.
     */
    private void configurePageStore() {
        getStoreSettings().setAsynchronous(false);
        setPageManagerProvider(new DefaultPageManagerProvider(this) {
            @Override
            protected IPageStore newPersistentStore() {
                return new InSessionPageStore(STORED_PAGES_PER_SESSION);
            }
        });
    }

    private void configureSecurity() {
        setSessionStoreProvider(() -> new StaffSessionStore(staffSessions));
        // Wicket's strict, nonce-based policy, tightened: no plugins, no <base>, no framing, forms post home only.
        getCspSettings().blocking()
                .remove(CSPDirective.OBJECT_SRC).add(CSPDirective.OBJECT_SRC, CSPDirectiveSrcValue.NONE)
                .remove(CSPDirective.BASE_URI).add(CSPDirective.BASE_URI, CSPDirectiveSrcValue.NONE)
                .remove(CSPDirective.FRAME_ANCESTORS).add(CSPDirective.FRAME_ANCESTORS, CSPDirectiveSrcValue.NONE)
                .remove(CSPDirective.FORM_ACTION).add(CSPDirective.FORM_ACTION, CSPDirectiveSrcValue.SELF)
                // The public stylesheet written into the head, allowed by its hash (see InlineStyle).
                .add(CSPDirective.STYLE_SRC, InlineStyle.HASH_SOURCE);
        getRequestCycleListeners().add(new ResourceIsolationRequestCycleListener());
        // Back-office pages only at their /admin/ mounts, which AdminIsolationFilter guards: no page class by name
        // (/wicket/bookmarkable/...), no page instance by number (/wicket/page?3).
        getSecuritySettings().setEnforceMounts(true);
        getRequestCycleListeners().add(new AdminMountsListener());
        getRequestCycleListeners().add(new PostedFormsListener());
        getRequestCycleListeners().add(new StaffSessionListener());
        getRequestCycleListeners().add(new PasswordChangeListener());
        getRequestCycleListeners().add(new BadRequestListener());
    }

    private void configureErrorPages() {
        getApplicationSettings().setInternalErrorPage(ErrorPage.class);
        getApplicationSettings().setPageExpiredErrorPage(HomePage.class);
        getApplicationSettings().setAccessDeniedPage(AccessDeniedPage.class);
        getExceptionSettings().setUnexpectedExceptionDisplay(ExceptionSettings.SHOW_INTERNAL_ERROR_PAGE);
    }

    /** Every feature mounts its own pages (its {@code *Routes} class); the two catch-alls frame them. */
    private void mountPages() {
        getRootRequestMapperAsCompound().add(new RootRedirectMapper());
        HomeRoutes.mount(this);
        ArticleRoutes.mount(this);
        SearchRoutes.mount(this);
        ReportRoutes.mount(this);
        RiskCheckRoutes.mount(this);
        AgencyRoutes.mount(this);
        EventRoutes.mount(this);
        MaterialRoutes.mount(this);
        ConsultationRoutes.mount(this);
        ChatRoutes.mount(this);
        AdminRoutes.mount(this);
        AccountRoutes.mount(this);
        AuditRoutes.mount(this);
        VisitsRoutes.mount(this);
        PageRoutes.mount(this);
        RegisterRoutes.mount(this);
        getRootRequestMapperAsCompound().add(new NotFoundMapper());
    }
}
