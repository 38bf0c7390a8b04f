package md.migratiesigura.portal.web.article;

import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/**
 * {@code /admin/pages/new}: the first language version of a new page, in the articles' form without a category; its
 * address is {@code /ro/{slug}}, so a slug of a fixed address is refused with a message.
 */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.EDITOR})
public class NewPagePage extends NewArticlePage {

    public NewPagePage(PageParameters parameters) {
        super(parameters);
    }

    @Override
    protected boolean isPage() {
        return true;
    }
}
