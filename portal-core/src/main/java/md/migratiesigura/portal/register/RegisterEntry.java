package md.migratiesigura.portal.register;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** One contact in the hotline register (see {@link NewEntry} for what each field means). */
@Entity
@Table(name = "register_entries")
public class RegisterEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "entry_date", nullable = false)
    private LocalDate date;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryChannel channel;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EntryKind kind;

    @Column(name = "referral_id")
    private Long serviceId;

    @Enumerated(EnumType.STRING)
    @Column(name = "case_type")
    private CaseType caseType;

    @Column(nullable = false)
    private int persons;

    @Column(columnDefinition = "char(2)")
    private String citizenship;

    @Column(columnDefinition = "char(2)")
    private String country;

    @Column
    private String exploitation;

    /** A consultation topic code for chats and consultations (see {@link RegisterService}), never text. */
    @Column
    private String topic;

    @Column(name = "author_user_id", updatable = false)
    private Long authorId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected RegisterEntry() {
    }

    RegisterEntry(NewEntry entry, String topic, Long authorId, Instant createdAt) {
        this.topic = topic;
        this.authorId = authorId;
        this.createdAt = createdAt;
        write(entry);
    }

    void write(NewEntry entry) {
        this.date = entry.date();
        this.channel = entry.channel();
        this.kind = entry.kind();
        this.serviceId = entry.serviceId();
        this.caseType = entry.caseType();
        this.persons = entry.persons();
        this.citizenship = entry.citizenship();
        this.country = entry.country();
        this.exploitation = entry.exploitationCodes();
    }

    EntryView view() {
        return new EntryView(id, new NewEntry(date, channel, kind, serviceId, caseType, persons, citizenship, country,
                Exploitations.parse(exploitation)), authorId, createdAt);
    }

    public Long getId() {
        return id;
    }

    public LocalDate getDate() {
        return date;
    }

    public Long getAuthorId() {
        return authorId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
