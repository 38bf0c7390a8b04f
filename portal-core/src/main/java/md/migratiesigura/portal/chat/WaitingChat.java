package md.migratiesigura.portal.chat;

import java.io.Serializable;
import md.migratiesigura.portal.common.Language;

/** A chat in the queue as counsellors see it: never its text before it is accepted. */
public record WaitingChat(long id, Language language, boolean sos, long waitingSeconds, boolean requeued)
        implements Serializable {
}
