package md.migratiesigura.portal.event;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import md.migratiesigura.portal.common.Language;
import org.hibernate.annotations.NaturalId;

/**
 * One event, both languages in one row. Type, status and audiences are stored by their codes, the district by its
 * key; {@code @Version} makes two trainers' saves of the same event a conflict instead of a silent overwrite.
 */
@Entity
@Table(name = "events")
public class Event {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId
    @Column(name = "event_key", nullable = false, updatable = false)
    private String key;

    @Column(name = "event_type", nullable = false)
    private String type;

    @Column(nullable = false)
    private String status;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;

    @Column(nullable = false)
    private String district;

    @Column(nullable = false)
    private String locality;

    private String venue;

    @Column(nullable = false)
    private String audiences;

    private String partners;

    private Integer participants;

    private Integer materials;

    @Column(nullable = false)
    private String photos;

    @Column(name = "title_ro", nullable = false)
    private String titleRo;

    @Column(name = "title_ru", nullable = false)
    private String titleRu;

    @Column(name = "description_ro", nullable = false)
    private String descriptionRo;

    @Column(name = "description_ru", nullable = false)
    private String descriptionRu;

    @Column(name = "description_html_ro", nullable = false)
    private String descriptionHtmlRo;

    @Column(name = "description_html_ru", nullable = false)
    private String descriptionHtmlRu;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by_email")
    private String updatedByEmail;

    @Version
    private int version;

    protected Event() {
    }

    public Event(String key, Instant now) {
        this.key = key;
        this.createdAt = now;
    }

    /** Writes every field of a checked draft; the HTML is the sanitized rendering of the Markdown. */
    void write(EventChecks.Checked c, String htmlRo, String htmlRu, String byEmail, Instant now) {
        this.type = c.type.code();
        this.status = c.status.code();
        this.startsAt = c.start;
        this.endsAt = c.end;
        this.district = c.district.key();
        this.locality = c.locality;
        this.venue = c.venue;
        this.audiences = String.join(",", c.audiences.stream().map(Audience::code).toList());
        this.partners = c.partners;
        this.participants = c.participants;
        this.materials = c.materials;
        this.photos = String.join(",", c.photos);
        this.titleRo = c.titleRo;
        this.titleRu = c.titleRu;
        this.descriptionRo = c.descriptionRo;
        this.descriptionRu = c.descriptionRu;
        this.descriptionHtmlRo = htmlRo;
        this.descriptionHtmlRu = htmlRu;
        this.updatedByEmail = byEmail;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getKey() {
        return key;
    }

    public EventType getType() {
        return EventType.ofCode(type).orElseThrow();
    }

    public EventStatus getStatus() {
        return EventStatus.ofCode(status).orElseThrow();
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getDistrict() {
        return district;
    }

    public String getLocality() {
        return locality;
    }

    public String getVenue() {
        return venue;
    }

    public List<Audience> getAudiences() {
        return Arrays.stream(audiences.split(",")).filter(s -> !s.isEmpty())
                .map(code -> Audience.ofCode(code).orElseThrow()).toList();
    }

    public String getPartners() {
        return partners;
    }

    public Integer getParticipants() {
        return participants;
    }

    public Integer getMaterials() {
        return materials;
    }

    public List<String> getPhotos() {
        return Arrays.stream(photos.split(",")).filter(s -> !s.isEmpty()).toList();
    }

    public String getTitle(Language language) {
        return language == Language.RO ? titleRo : titleRu;
    }

    public String getDescription(Language language) {
        return language == Language.RO ? descriptionRo : descriptionRu;
    }

    public String getDescriptionHtml(Language language) {
        return language == Language.RO ? descriptionHtmlRo : descriptionHtmlRu;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedByEmail() {
        return updatedByEmail;
    }

    public int getVersion() {
        return version;
    }
}
