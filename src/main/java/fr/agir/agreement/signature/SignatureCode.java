package fr.agir.agreement.signature;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One one-time code sent before a signature: only its salted hash is kept (see {@link SignatureCodeService}). */
@Entity
@Table(name = "signature_code")
public class SignatureCode {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "document_key")
    private String documentKey;
    private String login;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "code_hash")
    private String codeHash;
    @Column(name = "expires_at")
    private Instant expiresAt;
    private int attempts;
    @Column(name = "used_at")
    private Instant usedAt;
    @Column(name = "created_at")
    private Instant createdAt;

    protected SignatureCode() {
    }

    SignatureCode(String documentKey, String login, Long applicationId, String codeHash, Instant expiresAt,
                  Instant createdAt) {
        this.documentKey = documentKey;
        this.login = login;
        this.applicationId = applicationId;
        this.codeHash = codeHash;
        this.expiresAt = expiresAt;
        this.createdAt = createdAt;
    }

    /** Spent: used for a signature, or voided by a newer code. */
    void spend(Instant at) {
        if (usedAt == null) {
            usedAt = at;
        }
    }

    void failedAttempt() {
        attempts++;
    }

    public Long getId() { return id; }
    public String getDocumentKey() { return documentKey; }
    public String getLogin() { return login; }
    public Long getApplicationId() { return applicationId; }
    String getCodeHash() { return codeHash; }
    public Instant getExpiresAt() { return expiresAt; }
    public int getAttempts() { return attempts; }
    public Instant getUsedAt() { return usedAt; }
    public Instant getCreatedAt() { return createdAt; }
}
