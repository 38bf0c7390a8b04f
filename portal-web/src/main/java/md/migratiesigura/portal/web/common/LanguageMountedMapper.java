package md.migratiesigura.portal.web.common;

import org.apache.wicket.request.Request;
import org.apache.wicket.request.Url;
import org.apache.wicket.request.component.IRequestablePage;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * Mounts a page at a path in one language ({@code /ro/articole/${slug}} and {@code /ru/stati/${slug}} are two
 * instances for the same page). Incoming URLs get the language as the {@code lang} page parameter; a URL is only
 * built for page parameters of this mapper's language, so links always point to the right language's path.
 */
public class LanguageMountedMapper extends ExactMountedMapper {

    public static final String LANG = "lang";

    private final String language;
    private final String mountPath;
    private final Class<? extends IRequestablePage> pageClass;

    public LanguageMountedMapper(String language, String mountPath, Class<? extends IRequestablePage> pageClass) {
        super(mountPath, pageClass);
        this.language = language;
        this.mountPath = mountPath;
        this.pageClass = pageClass;
    }

    /** The language code of this mount. */
    public String language() {
        return language;
    }

    /** The path as mounted ({@code /ro/articole/${slug}}): the test that pages cannot shadow fixed addresses reads it. */
    public String mountPath() {
        return mountPath;
    }

    /** The page answered here. */
    public Class<? extends IRequestablePage> pageClass() {
        return pageClass;
    }

    @Override
    protected UrlInfo parseRequest(Request request) {
        UrlInfo info = super.parseRequest(request);
        if (info == null) {
            return null;
        }
        PageParameters parameters = new PageParameters(info.getPageParameters());
        parameters.set(LANG, language);
        return new UrlInfo(info.getPageComponentInfo(), info.getPageClass(), parameters);
    }

    @Override
    protected Url buildUrl(UrlInfo info) {
        PageParameters parameters = info.getPageParameters();
        if (parameters == null || !language.equals(parameters.get(LANG).toOptionalString())) {
            return null;
        }
        PageParameters withoutLanguage = new PageParameters(parameters);
        withoutLanguage.remove(LANG);
        return super.buildUrl(new UrlInfo(info.getPageComponentInfo(), info.getPageClass(), withoutLanguage));
    }
}
