package md.migratiesigura.portal.web.common;

import org.apache.wicket.core.request.mapper.MountedMapper;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.component.IRequestablePage;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * A mount that answers only its own path: segments beyond it would otherwise arrive as indexed parameters, so that
 * {@code /ro/anything} or {@code /admin/anything} showed the page mounted at {@code /ro/} or {@code /admin/}
 * instead of a 404. Only the empty segment of a trailing slash is accepted.
 */
public class ExactMountedMapper extends MountedMapper {

    public ExactMountedMapper(String mountPath, Class<? extends IRequestablePage> pageClass) {
        super(mountPath, pageClass);
    }

    @Override
    protected UrlInfo parseRequest(Request request) {
        UrlInfo info = super.parseRequest(request);
        if (info == null) {
            return null;
        }
        PageParameters parameters = info.getPageParameters();
        if (parameters == null || parameters.getIndexedCount() == 0) {
            return info;
        }
        for (int i = 0; i < parameters.getIndexedCount(); i++) {
            if (!parameters.get(i).toString("").isEmpty()) {
                return null;
            }
        }
        PageParameters named = new PageParameters(parameters);
        named.clearIndexed();
        return new UrlInfo(info.getPageComponentInfo(), info.getPageClass(), named);
    }
}
