package md.migratiesigura.portal.chat;

import java.io.Serializable;

/** A counsellor a chat may be handed to: available now, with room for one more chat. */
public record Colleague(long id, String name) implements Serializable {
}
