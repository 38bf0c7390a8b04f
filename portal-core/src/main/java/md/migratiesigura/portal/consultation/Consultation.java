package md.migratiesigura.portal.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
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
import md.migratiesigura.portal.common.Language;
import md.migratiesigura.portal.common.LanguageConverter;
import org.hibernate.annotations.DynamicUpdate;

/**
 * A question sent through the portal. The question and the contact details are held only encrypted
 * ({@link ConsultationCipher}); the secret phrase only as an Argon2id hash. Deleted, with its messages, a set
 * number of days after it is closed.
 */
@Entity
@Table(name = "consultations")
@DynamicUpdate // an update writes only what changed, never the sealed texts read before (Resealer may renew them)
public class Consultation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, updatable = false, columnDefinition = "char(10)")
    private String ticket;

    @Column(name = "phrase_hash", nullable = false, updatable = false)
    private String phraseHash;

    @Convert(converter = LanguageConverter.class)
    @Column(name = "lang", nullable = false, updatable = false, columnDefinition = "char(2)")
    private Language language;

    @Convert(converter = TopicConverter.class)
    @Column(nullable = false, updatable = false)
    private Topic topic;

    @Column(nullable = false, updatable = false)
    private boolean sos;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ConsultationStatus status;

    /** Sealed for this row, so written once the row has its id (see {@link #sealTexts}). */
    @Column(nullable = false)
    private byte[] question;

    @Column
    private byte[] contact;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "assigned_user_id")
    private PortalUser assignee;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "referral_id")
    private Referral referral;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private int version;

    protected Consultation() {
    }

    Consultation(String ticket, String phraseHash, Language language, Topic topic, boolean sos, Channel channel,
                 Instant createdAt) {
        this.ticket = ticket;
        this.phraseHash = phraseHash;
        this.language = language;
        this.topic = topic;
        this.sos = sos;
        this.channel = channel;
        this.question = new byte[0];
        this.createdAt = createdAt;
        this.status = ConsultationStatus.OPEN;
    }

    Long getId() {
        return id;
    }

    String getTicket() {
        return ticket;
    }

    String getPhraseHash() {
        return phraseHash;
    }

    Language getLanguage() {
        return language;
    }

    Topic getTopic() {
        return topic;
    }

    boolean isSos() {
        return sos;
    }

    Channel getChannel() {
        return channel;
    }

    ConsultationStatus getStatus() {
        return status;
    }

    byte[] getQuestion() {
        return question;
    }

    byte[] getContact() {
        return contact;
    }

    PortalUser getAssignee() {
        return assignee;
    }

    Referral getReferral() {
        return referral;
    }

    Instant getCreatedAt() {
        return createdAt;
    }

    Instant getClosedAt() {
        return closedAt;
    }

    int getVersion() {
        return version;
    }

    /** The question and contact sealed for this row: once, right after it was inserted and got its id. */
    void sealTexts(byte[] question, byte[] contact) {
        if (this.question.length > 0) {
            throw new IllegalStateException("the texts of a consultation are written once");
        }
        this.question = question;
        this.contact = contact;
    }

    void assignTo(PortalUser user) {
        this.assignee = user;
    }

    void referTo(Referral referral) {
        this.referral = referral;
    }

    void close(Instant at) {
        this.status = ConsultationStatus.CLOSED;
        this.closedAt = at;
    }
}
