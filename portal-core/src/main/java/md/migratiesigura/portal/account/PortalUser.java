package md.migratiesigura.portal.account;

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
import md.migratiesigura.portal.common.Role;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.NaturalId;

/** A back-office account. */
@Entity
@Table(name = "users")
@DynamicUpdate // a sign-in writes its code's step only, never the sealed secret read before (Resealer may renew it)
public class PortalUser {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NaturalId(mutable = true)
    @Column(nullable = false)
    private String email;

    @Column(name = "display_name", nullable = false)
    private String displayName;

    @Column(name = "password_hash", nullable = false)
    private String passwordHash;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(nullable = false)
    private boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    /** The confirmed TOTP secret; null while the second factor is off. */
    @Column(name = "totp_secret")
    private byte[] totpSecret;

    @Column(name = "totp_last_step")
    private Long totpLastStep;

    @Column(name = "session_generation", nullable = false)
    private int sessionGeneration;

    /** The password was set by someone else (first start, an administrator's reset): its user must replace it. */
    @Column(name = "password_change_required", nullable = false)
    private boolean passwordChangeRequired;

    @Version
    private int version;

    protected PortalUser() {
    }

    public PortalUser(String email, String displayName, String passwordHash, Role role, Instant now) {
        this.email = email;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.role = role;
        this.createdAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getEmail() {
        return email;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Role getRole() {
        return role;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isPasswordChangeRequired() {
        return passwordChangeRequired;
    }

    public void setPasswordChangeRequired(boolean required) {
        this.passwordChangeRequired = required;
    }

    public byte[] getTotpSecret() {
        return totpSecret == null ? null : totpSecret.clone();
    }

    public boolean hasSecondFactor() {
        return totpSecret != null;
    }

    public long getTotpLastStep() {
        return totpLastStep == null ? Long.MIN_VALUE : totpLastStep;
    }

    /** Turns the second factor on with a secret the user has just proved to hold, or off with null. */
    public void setTotp(byte[] secret, Long lastStep) {
        this.totpSecret = secret == null ? null : secret.clone();
        this.totpLastStep = lastStep;
    }

    public void setTotpLastStep(long step) {
        this.totpLastStep = step;
    }

    public int getSessionGeneration() {
        return sessionGeneration;
    }

    /** Ends every session signed in before now: they carry the old generation. */
    public void endSessions() {
        sessionGeneration++;
    }
}
