package md.migratiesigura.portal.consultation;

import java.io.Serializable;
import java.time.Instant;
import md.migratiesigura.portal.common.Language;

/** One line of the counsellors' inbox: no text of the question, only what orders and sorts it. */
public record InboxItem(long id, String ticket, Topic topic, Language language, boolean sos, Channel channel,
                        ConsultationStatus status, Instant askedAt, String assignee, long replies)
        implements Serializable {

    public String displayTicket() {
        return Tickets.display(ticket);
    }
}
