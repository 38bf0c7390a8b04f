package md.migratiesigura.portal.web;

import md.migratiesigura.portal.PortalServices;
import md.migratiesigura.portal.agency.AgencyService;
import md.migratiesigura.portal.config.PortalConfig;
import md.migratiesigura.portal.riskcheck.RiskCheckService;
import md.migratiesigura.portal.service.ArticleService;
import md.migratiesigura.portal.web.mapper.LanguageMountedMapper;
import md.migratiesigura.portal.web.mapper.NotFoundMapper;
import md.migratiesigura.portal.web.mapper.RootRedirectMapper;
import md.migratiesigura.portal.web.page.AgenciesPage;
import md.migratiesigura.portal.web.page.ArticlePage;
import md.migratiesigura.portal.web.page.ErrorPage;
import md.migratiesigura.portal.web.page.HomePage;
import md.migratiesigura.portal.web.page.NotFoundPage;
import md.migratiesigura.portal.web.page.RiskCheckPage;
import md.migratiesigura.portal.web.page.SearchPage;
import org.apache.wicket.Application;
import org.apache.wicket.RuntimeConfigurationType;
import org.apache.wicket.csp.CSPDirective;
import org.apache.wicket.csp.CSPDirectiveSrcValue;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.protocol.http.ResourceIsolationRequestCycleListener;
import org.apache.wicket.protocol.http.WebApplication;
import org.apache.wicket.request.component.IRequestablePage;
import org.apache.wicket.settings.ExceptionSettings;

/** The Wicket application: pages, mounts, security and localisation. Services come in through the constructor. */
public class PortalApplication extends WebApplication {

    private final PortalServices services;
    private final PortalConfig config;

    public PortalApplication(PortalServices services, PortalConfig config) {
        this.services = services;
        this.config = config;
    }

    public static PortalApplication get() {
        return (PortalApplication) Application.get();
    }

    public ArticleService articles() {
        return services.articles();
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
    }

    private void configureErrorPages() {
        getApplicationSettings().setInternalErrorPage(ErrorPage.class);
        getApplicationSettings().setPageExpiredErrorPage(HomePage.class);
        getApplicationSettings().setAccessDeniedPage(NotFoundPage.class);
        getExceptionSettings().setUnexpectedExceptionDisplay(ExceptionSettings.SHOW_INTERNAL_ERROR_PAGE);
    }

    private void mountPages() {
        getRootRequestMapperAsCompound().add(new RootRedirectMapper());
        mountIn("ro", "/ro/", HomePage.class);
        mountIn("ru", "/ru/", HomePage.class);
        mountIn("ro", "/ro/articole/${slug}", ArticlePage.class);
        mountIn("ru", "/ru/stati/${slug}", ArticlePage.class);
        mountIn("ro", "/ro/cautare", SearchPage.class);
        mountIn("ru", "/ru/poisk", SearchPage.class);
        mountIn("ro", "/ro/verifica-oferta", RiskCheckPage.class);
        mountIn("ru", "/ru/proverka-vakansii", RiskCheckPage.class);
        mountIn("ro", "/ro/agentii", AgenciesPage.class);
        mountIn("ru", "/ru/agentstva", AgenciesPage.class);
        getRootRequestMapperAsCompound().add(new NotFoundMapper());
    }

    private void mountIn(String language, String path, Class<? extends IRequestablePage> page) {
        mount(new LanguageMountedMapper(language, path, page));
    }
}
