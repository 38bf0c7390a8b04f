package md.migratiesigura.portal.web.event;

import md.migratiesigura.portal.web.security.StaffRoles;
import org.apache.wicket.authroles.authorization.strategies.role.annotations.AuthorizeInstantiation;
import org.apache.wicket.request.mapper.parameter.PageParameters;

/** {@code /admin/events/new}: the edit form, empty; a class of its own so that its mount is unambiguous. */
@AuthorizeInstantiation({StaffRoles.ADMINISTRATOR, StaffRoles.TRAINER})
public class NewEventPage extends EventEditPage {

    public NewEventPage(PageParameters parameters) {
        super(new PageParameters());
    }
}
