package fr.agir.structure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An invitation to join a structure's case file, sent by its legal representative; only the code's hash is kept. */
@Entity
@Table(name = "structure_invitation")
public class StructureInvitation {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "structure_id")
    private Long structureId;
    private String email;
    @Column(name = "code_sha256")
    private String codeSha256;
    @Column(name = "invited_by")
    private String invitedBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "expires_at")
    private Instant expiresAt;
    @Column(name = "accepted_by")
    private String acceptedBy;
    @Column(name = "accepted_at")
    private Instant acceptedAt;
    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected StructureInvitation() {
    }

    StructureInvitation(Long structureId, String email, String codeSha256, String invitedBy, Instant createdAt,
                        Instant expiresAt) {
        this.structureId = structureId;
        this.email = email;
        this.codeSha256 = codeSha256;
        this.invitedBy = invitedBy;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    boolean isPending(Instant now) {
        return acceptedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }

    void accept(String username, Instant now) {
        this.acceptedBy = username;
        this.acceptedAt = now;
    }

    void revoke(Instant now) {
        this.revokedAt = now;
    }

    public Long getId() { return id; }
    public Long getStructureId() { return structureId; }
    public String getEmail() { return email; }
    public String getInvitedBy() { return invitedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getExpiresAt() { return expiresAt; }
}
