package md.migratiesigura.portal.chat;

import java.io.Serializable;
import java.time.Instant;

/** One message of a chat, in the order of its sequence number. Its {@code toString} hides the text. */
public record ChatEvent(int seq, Sender from, String text, Instant at) implements Serializable {

    @Override
    public String toString() {
        return "ChatEvent[" + seq + ", " + from + "]";
    }
}
