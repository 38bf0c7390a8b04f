package md.migratiesigura.portal.web.security;

import md.migratiesigura.portal.common.Role;
import org.apache.wicket.authroles.authorization.strategies.role.Roles;

/**
 * The names of {@link Role}s as constants, for {@code @AuthorizeInstantiation} (annotations need constants, an
 * enum's name() is not one). A test keeps them equal to the enum.
 */
public final class StaffRoles {

    public static final String ADMINISTRATOR = "ADMINISTRATOR";
    public static final String EDITOR = "EDITOR";
    public static final String TRAINER = "TRAINER";
    public static final String COUNSELLOR = "COUNSELLOR";

    private StaffRoles() {
    }

    public static Roles of(Role role) {
        return new Roles(role.name());
    }
}
