package md.migratiesigura.portal.account;

import md.migratiesigura.portal.common.Role;

/** What an administrator types to create an account; the password is hashed and never kept. */
public record NewUser(String email, String displayName, Role role, String password) {

    @Override
    public String toString() {
        return "NewUser[" + email + ", " + role + "]";
    }
}
