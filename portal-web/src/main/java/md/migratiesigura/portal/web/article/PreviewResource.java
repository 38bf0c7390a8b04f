package md.migratiesigura.portal.web.article;

import jakarta.servlet.http.HttpServletRequest;
import md.migratiesigura.portal.article.EditorialService;
import md.migratiesigura.portal.web.PortalApplication;
import md.migratiesigura.portal.web.security.StaffRoles;
import md.migratiesigura.portal.web.security.StaffSession;
import org.apache.wicket.authroles.authorization.strategies.role.Roles;
import org.apache.wicket.request.resource.AbstractResource;
import org.apache.wicket.request.resource.IResource;
import org.apache.wicket.request.resource.ResourceReference;

/**
 * {@code POST /admin/preview}: the editor's live preview. The Markdown comes as the form field {@code body} and goes
 * back as the same sanitized HTML the public page will show. Only a signed-in editor or administrator who has chosen
 * their own password, only from the portal's own pages (the browser's {@code Sec-Fetch-Site}, or failing that
 * {@code Origin}), only by POST.
 */
public class PreviewResource extends AbstractResource {

    /** What {@link ArticleRoutes} mounts. */
    static final ResourceReference REFERENCE = new ResourceReference(PreviewResource.class, "preview") {
        @Override
        public IResource getResource() {
            return new PreviewResource();
        }
    };

    @Override
    protected ResourceResponse newResourceResponse(Attributes attributes) {
        HttpServletRequest request = (HttpServletRequest) attributes.getRequest().getContainerRequest();
        ResourceResponse response = new ResourceResponse();
        response.disableCaching();
        if (!"POST".equals(request.getMethod())) {
            return refuse(response, 405);
        }
        if (!sameOrigin(request)) {
            return refuse(response, 403);
        }
        StaffSession session = StaffSession.get();
        // A password someone else set opens only the password change (PasswordChangeListener guards the pages).
        if (!session.isSignedIn() || session.passwordChangeRequired() || !session.getRoles().hasAnyRole(
                new Roles(new String[] {StaffRoles.EDITOR, StaffRoles.ADMINISTRATOR}))) {
            return refuse(response, 403);
        }
        String body;
        try {
            body = attributes.getRequest().getPostParameters().getParameterValue("body").toString("");
        } catch (RuntimeException e) {
            // The container refuses a form larger than it accepts (see PortalServer): that is "too large" too.
            return refuse(response, 413);
        }
        if (body.length() > EditorialService.MAX_BODY) {
            return refuse(response, 413);
        }
        String html = PortalApplication.get().editorial().preview(body);
        response.setContentType("text/html; charset=utf-8");
        response.setTextEncoding("UTF-8");
        response.setWriteCallback(new WriteCallback() {
            @Override
            public void writeData(Attributes a) {
                a.getResponse().write(html);
            }
        });
        return response;
    }

    /** What browsers say about where a request comes from; without Sec-Fetch-Site, Origin must be this host. */
    static boolean sameOrigin(HttpServletRequest request) {
        String site = request.getHeader("sec-fetch-site");
        if (site != null) {
            return "same-origin".equals(site);
        }
        String origin = request.getHeader("origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("host");
        return host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
    }

    private static ResourceResponse refuse(ResourceResponse response, int status) {
        response.setError(status);
        return response;
    }
}
