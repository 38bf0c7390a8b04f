package md.migratiesigura.portal.agency;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hibernate.annotations.NaturalId;

/** A private employment agency licensed for placement abroad, as the official list last imported says. */
@Entity
@Table(name = "agencies")
public class Agency {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    /** The state identification number of the company: 13 digits. */
    @NaturalId
    @Column(nullable = false, updatable = false, columnDefinition = "char(13)")
    private String idno;

    @Column(nullable = false)
    private String name;

    /** The name folded for search (no diacritics, quotes or legal form), see {@code AgencyNames}. */
    @Column(name = "search_name", nullable = false)
    private String searchName;

    @Column(name = "licence_number", nullable = false)
    private String licenceNumber;

    @Column(name = "valid_until", nullable = false)
    private LocalDate validUntil;

    /** ISO 3166 alpha-2 codes separated by commas. */
    @Column(nullable = false)
    private String countries;

    /** One foreign partner per line. */
    @Column(nullable = false, columnDefinition = "text")
    private String partners;

    @Column(name = "last_verified_at", nullable = false)
    private Instant lastVerifiedAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private int version;

    protected Agency() {
    }

    public Agency(String idno, Instant now) {
        this.idno = idno;
        this.updatedAt = now;
        this.lastVerifiedAt = now;
    }

    /** Replaces what the official list says about the agency. */
    public void update(String name, String searchName, String licenceNumber, LocalDate validUntil,
                       List<String> countries, List<String> partners, Instant now) {
        this.name = name;
        this.searchName = searchName;
        this.licenceNumber = licenceNumber;
        this.validUntil = validUntil;
        this.countries = String.join(",", countries);
        this.partners = String.join("\n", partners);
        this.updatedAt = now;
    }

    /** The official list was imported again and still says the same. */
    public void markVerified(Instant now) {
        this.lastVerifiedAt = now;
    }

    public String getIdno() {
        return idno;
    }

    public String getName() {
        return name;
    }

    public String getSearchName() {
        return searchName;
    }

    public String getLicenceNumber() {
        return licenceNumber;
    }

    public LocalDate getValidUntil() {
        return validUntil;
    }

    public List<String> getCountries() {
        return countries.isEmpty() ? List.of() : Arrays.asList(countries.split(","));
    }

    public List<String> getPartners() {
        return partners.isEmpty() ? List.of() : Arrays.asList(partners.split("\n"));
    }

    public Instant getLastVerifiedAt() {
        return lastVerifiedAt;
    }

    /** Raised by every change, a new "last verified" time included. */
    public int getVersion() {
        return version;
    }
}
