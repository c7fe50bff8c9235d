package fr.agir.structure;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** Someone asked a structure's legal representative to invite him (at most once a day per structure). */
@Entity
@Table(name = "structure_join_request")
class StructureJoinRequest {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "structure_id")
    private Long structureId;
    private String username;
    @Column(name = "request_day")
    private LocalDate requestDay;
    private String message;
    @Column(name = "created_at")
    private Instant createdAt;

    protected StructureJoinRequest() {
    }

    StructureJoinRequest(Long structureId, String username, LocalDate requestDay, String message, Instant createdAt) {
        this.structureId = structureId;
        this.username = username;
        this.requestDay = requestDay;
        this.message = message;
        this.createdAt = createdAt;
    }
}
