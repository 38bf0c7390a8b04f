package md.migratiesigura.portal.article;

import java.io.Serializable;

/** A category as readers see it, in one language. */
public record CategoryView(String key, String name) implements Serializable {
}
