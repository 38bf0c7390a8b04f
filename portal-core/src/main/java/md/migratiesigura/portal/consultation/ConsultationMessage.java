package md.migratiesigura.portal.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import md.migratiesigura.portal.account.PortalUser;
import org.hibernate.annotations.DynamicUpdate;

/** A counsellor's reply or internal note; its text is held only encrypted. */
@Entity
@Table(name = "consultation_messages")
@DynamicUpdate // recording a delivery writes only the delivery, never the sealed text read before
public class ConsultationMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consultation_id", nullable = false, updatable = false)
    private Consultation consultation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private MessageKind kind;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "author_user_id", updatable = false)
    private PortalUser author;

    @Column(name = "author_name", updatable = false)
    private String authorName;

    /** Sealed for this row, so written once the row has its id (see {@link #sealBody}). */
    @Column(nullable = false)
    private byte[] body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Delivery delivery;

    /** Why the e-mail did not go out, as a code: never the server's text, which may quote the address. */
    @Enumerated(EnumType.STRING)
    @Column(name = "delivery_failure")
    private DeliveryFailure deliveryFailure;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected ConsultationMessage() {
    }

    ConsultationMessage(Consultation consultation, MessageKind kind, PortalUser author, String authorName,
                        Delivery delivery, Instant createdAt) {
        this.consultation = consultation;
        this.kind = kind;
        this.author = author;
        this.authorName = authorName;
        this.body = new byte[0];
        this.delivery = delivery;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    MessageKind getKind() {
        return kind;
    }

    String getAuthorName() {
        return authorName;
    }

    byte[] getBody() {
        return body;
    }

    Delivery getDelivery() {
        return delivery;
    }

    DeliveryFailure getDeliveryFailure() {
        return deliveryFailure;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    /** The text sealed for this row: once, right after it was inserted and got its id. */
    void sealBody(byte[] sealed) {
        if (body.length > 0) {
            throw new IllegalStateException("the text of a message is written once");
        }
        this.body = sealed;
    }

    void delivered(Delivery delivery, DeliveryFailure failure) {
        this.delivery = delivery;
        this.deliveryFailure = failure;
    }
}
