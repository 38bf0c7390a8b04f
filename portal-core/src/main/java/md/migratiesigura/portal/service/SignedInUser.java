package md.migratiesigura.portal.service;

import java.io.Serializable;
import md.migratiesigura.portal.domain.Role;

/** Who is signed in to the back office: what a web session keeps, never the entity. */
public record SignedInUser(long id, String email, String displayName, Role role) implements Serializable {
}
