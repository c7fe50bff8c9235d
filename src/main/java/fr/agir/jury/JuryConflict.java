package fr.agir.jury;

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

/**
 * A conflict of interest between a jury member and a structure, valid in every session. Every status
 * but {@code DISMISSED} (by an administrator) and {@code WITHDRAWN} (by the member, from his own
 * declaration) keeps the member away from the structure's applications.
 */
@Entity
@Table(name = "jury_conflict")
public class JuryConflict {
    public enum Type {
        OFFICER("Dirigeant·e ou administrateur·rice de la structure"),
        EMPLOYEE("Salarié·e ou prestataire de la structure"),
        MEMBER("Adhérent·e ou bénévole de la structure"),
        FAMILY("Lien familial ou personnel"),
        PARTNER("Partenaire ou concurrent direct"),
        OTHER("Autre lien");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public enum Status {
        SUGGESTED("Suggéré par Agir"), DECLARED("Déclaré par le membre"), CONFIRMED("Confirmé par un administrateur"),
        DISMISSED("Écarté par un administrateur"), WITHDRAWN("Retiré par le membre");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String username;
    @Column(name = "structure_id")
    private Long structureId;
    @Enumerated(EnumType.STRING)
    @Column(name = "conflict_type")
    private Type type;
    @Column(name = "conflict_comment")
    private String comment;
    @Enumerated(EnumType.STRING)
    private Status status;
    private boolean pinned;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "decided_by")
    private String decidedBy;
    @Column(name = "decided_at")
    private Instant decidedAt;
    @Version
    private long version;

    protected JuryConflict() {
    }

    JuryConflict(String username, Long structureId, Type type, String comment, Status status, String createdBy,
                 Instant createdAt) {
        this.username = username;
        this.structureId = structureId;
        this.type = type;
        this.comment = comment;
        this.status = status;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void declare(Type type, String comment) {
        this.type = type;
        this.comment = comment;
        this.status = Status.DECLARED;
    }

    void decide(Status status, boolean pinned, String by, Instant at) {
        this.status = status;
        this.pinned = pinned;
        this.decidedBy = by;
        this.decidedAt = at;
    }

    /** Suggested again by Agir after the member withdrew his own declaration. */
    void suggestAgain(Type type, String reason) {
        this.type = type;
        this.comment = reason;
        this.status = Status.SUGGESTED;
    }

    public boolean isEffective() { return status != Status.DISMISSED && status != Status.WITHDRAWN; }
    public Long getId() { return id; }
    public String getUsername() { return username; }
    public Long getStructureId() { return structureId; }
    public Type getType() { return type; }
    public String getComment() { return comment; }
    public Status getStatus() { return status; }
    public boolean isPinned() { return pinned; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
}
