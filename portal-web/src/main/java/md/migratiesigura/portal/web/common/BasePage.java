package md.migratiesigura.portal.web.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.article.ArticleRoutes;
import md.migratiesigura.portal.web.cache.PageCacheFilter;
import md.migratiesigura.portal.web.home.HomePage;
import md.migratiesigura.portal.web.pages.FooterLinksPanel;
import md.migratiesigura.portal.web.pages.SiteNavigationPanel;
import md.migratiesigura.portal.web.search.SearchPage;
import org.apache.wicket.AttributeModifier;
import org.apache.wicket.Component;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.head.JavaScriptHeaderItem;
import org.apache.wicket.markup.html.TransparentWebMarkupContainer;
import org.apache.wicket.markup.html.WebMarkupContainer;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.markup.html.basic.Label;
import org.apache.wicket.markup.html.link.ExternalLink;
import org.apache.wicket.model.IModel;
import org.apache.wicket.model.Model;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.apache.wicket.request.resource.CssResourceReference;
import org.apache.wicket.request.resource.JavaScriptResourceReference;

/**
 * The frame every public page shares: {@code <html lang>}, header with the portal's name, language switch, the
 * editors' navigation, search box, hotline and quick exit; footer with the editors' footer links. The page's language comes from its URL (the {@code lang} parameter set by
 * the language mounts), never from a session, so public pages stay stateless.
 */
public abstract class BasePage extends WebPage {

    public static final CssResourceReference CSS = new CssResourceReference(BasePage.class, "portal.css");
    public static final JavaScriptResourceReference QUICK_EXIT_JS =
            new JavaScriptResourceReference(BasePage.class, "quick-exit.js");

    private final Language language;

    protected BasePage(PageParameters parameters) {
        super(parameters);
        this.language = languageOf(parameters);
        add(new TransparentWebMarkupContainer("html").add(AttributeModifier.replace("lang", language.code())));
        add(new Label("style", InlineStyle.css()).setEscapeModelStrings(false));
        // Models read lazily: subclasses set up what these overridable methods use after this constructor runs.
        add(new Label("title", () -> pageTitle().getObject() + " · " + getString("site.name")));
        add(new WebMarkupContainer("description")
                .add(AttributeModifier.replace("content", () -> description().getObject())));
        add(new AnchorLink<Void>("home", HomePage.class, parametersIn(language)));
        add(newLanguageSwitch("languageSwitch"));
        add(newSearchForm("searchForm"));
        add(new SiteNavigationPanel("mainNav", language).setRenderBodyOnly(true));
        add(new FooterLinksPanel("footerNav", language).setRenderBodyOnly(true));
        addHeadLinks();
    }

    /**
     * Canonical address, the alternates in each language (and x-default, the Romanian one) and OpenGraph tags,
     * all as components so that Wicket escapes every attribute.
     */
    private void addHeadLinks() {
        add(new WebMarkupContainer("robots") {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(!isIndexable());
            }
        });
        add(headLink("canonical", () -> isIndexable() ? absoluteUrl(language) : null));
        add(headLink("alternateRo", () -> isIndexable() ? absoluteUrl(Language.RO) : null));
        add(headLink("alternateRu", () -> isIndexable() ? absoluteUrl(Language.RU) : null));
        add(headLink("alternateDefault", () -> isIndexable() ? absoluteUrl(Language.RO) : null));
        add(new WebMarkupContainer("ogTitle").add(AttributeModifier.replace("content", () -> pageTitle().getObject())));
        add(new WebMarkupContainer("ogDescription").add(AttributeModifier.replace("content", () -> description().getObject())));
        add(new WebMarkupContainer("ogUrl").add(AttributeModifier.replace("content", () -> absoluteUrl(language))));
        add(new WebMarkupContainer("ogLocale").add(AttributeModifier.replace("content", language == Language.RO ? "ro_MD" : "ru_MD")));
        add(new WebMarkupContainer("feed").add(AttributeModifier.replace("href",
                () -> PortalApplication.get().urls().absolute(ArticleRoutes.feed(language)))));
        add(new WebMarkupContainer("ogSiteName").add(AttributeModifier.replace("content", () -> getString("site.name"))));
    }

    private WebMarkupContainer headLink(String id, IModel<String> href) {
        WebMarkupContainer link = new WebMarkupContainer(id) {
            @Override
            protected void onConfigure() {
                super.onConfigure();
                setVisible(href.getObject() != null);
            }
        };
        link.add(AttributeModifier.replace("href", href));
        return link;
    }

    /** Whether search engines should index this page; error and search pages say no. */
    protected boolean isIndexable() {
        return true;
    }

    /** This page's absolute public address in a language, or null when it has no version in that language. */
    protected String absoluteUrl(Language target) {
        PageParameters parameters = target == language ? getPageParameters()
                : target == language.other() ? parametersInOtherLanguage() : null;
        if (parameters == null) {
            return null;
        }
        return PortalApplication.get().urls().absolute("/" + RequestCycle.get().mapUrlFor(getClass(), parameters));
    }

    /** The page's language, from its URL. */
    public Language language() {
        return language;
    }

    @Override
    public Locale getLocale() {
        // Called by Wicket while the superclass constructor runs, before the field is set.
        return language == null ? Language.RO.locale() : language.locale();
    }

    /** The page's own title; the site name is appended. */
    protected abstract IModel<String> pageTitle();

    /** The meta description; the site's tagline unless a page says more. */
    protected IModel<String> description() {
        return Model.of(getString("site.tagline"));
    }

    /**
     * The link to the same page in the other language. Pages whose parameters differ between languages (an
     * article's slug) override {@link #parametersInOtherLanguage()}.
     */
    protected Component newLanguageSwitch(String id) {
        Language other = language.other();
        ExternalLink link = new ExternalLink(id, () -> {
            PageParameters target = parametersInOtherLanguage();
            return target != null
                    ? RequestCycle.get().urlFor(getClass(), target).toString()
                    : RequestCycle.get().urlFor(HomePage.class, parametersIn(other)).toString();
        });
        link.add(AttributeModifier.replace("hreflang", other.code()));
        link.add(AttributeModifier.replace("lang", other.code()));
        link.setBody(Model.of(getString("language.switch." + other.code())));
        return link;
    }

    /** This page's parameters for the other language, or null when the page has no counterpart there. */
    protected PageParameters parametersInOtherLanguage() {
        PageParameters copy = new PageParameters(getPageParameters());
        copy.set(LanguageMountedMapper.LANG, language.other().code());
        return copy;
    }

    private Component newSearchForm(String id) {
        WebMarkupContainer form = new WebMarkupContainer(id);
        // A plain GET form: searching needs no Wicket state, no session and works without JavaScript.
        form.add(AttributeModifier.replace("action",
                () -> RequestCycle.get().urlFor(SearchPage.class, parametersIn(language)).toString()));
        return form;
    }

    /** Parameters that address a page in the given language. */
    public static PageParameters parametersIn(Language language) {
        return new PageParameters().set(LanguageMountedMapper.LANG, language.code());
    }

    /** The language named by the parameters, else by the first URL segment (error pages), else Romanian. */
    static Language languageOf(PageParameters parameters) {
        String code = parameters == null ? null : parameters.get(LanguageMountedMapper.LANG).toOptionalString();
        if (code == null && RequestCycle.get() != null) {
            List<String> segments = RequestCycle.get().getRequest().getUrl().getSegments();
            code = segments.isEmpty() ? null : segments.get(0);
        }
        return Language.ofCode(code).orElse(Language.RO);
    }

    /**
     * Whether this page may be served again from the page cache to the next anonymous visitor: true only when what
     * it shows depends on nothing but its address and the published content (no query, no form state, no figures
     * that change by the minute). False unless a page says otherwise.
     */
    protected boolean isCacheable() {
        return false;
    }

    @Override
    protected void onBeforeRender() {
        super.onBeforeRender();
        if (isCacheable() && getRequest().getContainerRequest() instanceof HttpServletRequest http) {
            PageCacheFilter.markCacheable(http);
        }
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        super.renderHead(response);
        // The stylesheet is in the head already (InlineStyle); only the quick-exit script is loaded, and async: a
        // deferred script holds DOMContentLoaded back until it arrives, one more round trip on a slow phone link.
        // The link leaves without it too; the script only adds the history replacement and the Escape keys.
        response.render(JavaScriptHeaderItem.forReference(QUICK_EXIT_JS).setAsync(true));
    }
}
