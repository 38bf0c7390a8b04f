package md.migratiesigura.portal.consultation;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import md.migratiesigura.portal.common.Language;

/** A consultation as a counsellor works on it: decrypted question and contact, replies and notes in order. */
public record ConsultationDetail(long id, String ticket, Topic topic, Language language, boolean sos, Channel channel,
                                 String contact, String question, ConsultationStatus status, Instant askedAt,
                                 Instant closedAt, Long assigneeId, String assignee, ReferralView referral,
                                 List<MessageView> messages) implements Serializable {

    public String displayTicket() {
        return Tickets.display(ticket);
    }

    public boolean closed() {
        return status == ConsultationStatus.CLOSED;
    }

    /** A reply or note; {@code deliveryFailure} says why its e-mail did not go out. */
    public record MessageView(long id, MessageKind kind, String author, Instant at, String text, Delivery delivery,
                              DeliveryFailure deliveryFailure) implements Serializable {
    }

    @Override
    public String toString() {
        return "ConsultationDetail[" + ticket + "]";
    }
}
