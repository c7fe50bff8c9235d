package fr.agir.vote;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A link an elected member declared with a structure: it makes him step aside on its applications. */
@Entity
@Table(name = "elected_member_link")
public class ElectedMemberLink {
    public enum Kind {
        MANDATE("Mandat dans la structure"), EMPLOYMENT("Emploi"), FAMILY("Lien familial"), OTHER("Autre lien");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "member_id")
    private Long memberId;
    @Column(name = "structure_id")
    private Long structureId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String description;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;

    protected ElectedMemberLink() {
    }

    ElectedMemberLink(Long memberId, Long structureId, Kind kind, String description, String createdBy,
                      Instant createdAt) {
        this.memberId = memberId;
        this.structureId = structureId;
        this.kind = kind;
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    public Long getId() { return id; }
    public Long getMemberId() { return memberId; }
    public Long getStructureId() { return structureId; }
    public Kind getKind() { return kind; }
    public String getDescription() { return description; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
