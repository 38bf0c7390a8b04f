package md.migratiesigura.portal.register;

import java.io.Serializable;
import java.time.Instant;

/**
 * A recorded entry as the back office lists it.
 *
 * @param authorId who recorded it; null when imported, or when the account was deleted
 */
public record EntryView(long id, NewEntry entry, Long authorId, Instant createdAt) implements Serializable {
}
