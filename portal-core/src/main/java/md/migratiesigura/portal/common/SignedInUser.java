package md.migratiesigura.portal.common;

import java.io.Serializable;

/** Who is signed in to the back office: what a web session keeps, never the entity. */
public record SignedInUser(long id, String email, String displayName, Role role) implements Serializable {
}
