package fr.agir.structure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's membership of a structure; the legal representative may sign for it. */
@Entity
@Table(name = "structure_member")
public class StructureMember {
    public enum MemberRole { LEGAL_REPRESENTATIVE, MEMBER }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "structure_id")
    private Long structureId;
    private String username;
    @Enumerated(EnumType.STRING)
    @Column(name = "member_role")
    private MemberRole memberRole;
    @Column(name = "created_at")
    private Instant createdAt;

    protected StructureMember() {
    }

    StructureMember(Long structureId, String username, MemberRole memberRole, Instant createdAt) {
        this.structureId = structureId;
        this.username = username;
        this.memberRole = memberRole;
        this.createdAt = createdAt;
    }

    public Long getStructureId() { return structureId; }
    public String getUsername() { return username; }
    public MemberRole getMemberRole() { return memberRole; }
    public Instant getCreatedAt() { return createdAt; }
}
