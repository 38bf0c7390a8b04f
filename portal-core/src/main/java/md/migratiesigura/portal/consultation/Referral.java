package md.migratiesigura.portal.consultation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** A specialised service counsellors refer people to; kept by administrators, retired rather than deleted. */
@Entity
@Table(name = "consultation_referrals")
public class Referral {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "name_ro", nullable = false)
    private String nameRo;

    @Column(name = "name_ru", nullable = false)
    private String nameRu;

    @Column(nullable = false)
    private boolean retired;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Referral() {
    }

    Referral(String nameRo, String nameRu, Instant createdAt) {
        this.nameRo = nameRo;
        this.nameRu = nameRu;
        this.createdAt = createdAt;
    }

    Long getId() {
        return id;
    }

    String getNameRo() {
        return nameRo;
    }

    String getNameRu() {
        return nameRu;
    }

    boolean isRetired() {
        return retired;
    }

    void rename(String ro, String ru) {
        this.nameRo = ro;
        this.nameRu = ru;
    }

    void setRetired(boolean retired) {
        this.retired = retired;
    }

    ReferralView view() {
        return new ReferralView(id, nameRo, nameRu, retired);
    }
}
