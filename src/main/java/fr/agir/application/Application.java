package fr.agir.application;

import fr.agir.campaign.Thematic;
import fr.agir.shared.Texts;
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

/** A structure's application (candidature) to one campaign. Its reference is the process business key. */
@Entity
@Table(name = "application")
public class Application {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String reference;
    @Column(name = "campaign_id")
    private Long campaignId;
    @Column(name = "structure_id")
    private Long structureId;
    private String title;
    private String description;
    @Enumerated(EnumType.STRING)
    private Thematic thematic;
    /** One of the campaign's sub-themes of the thematic (its label), or none. */
    @Column(name = "sub_theme")
    private String subTheme;
    @Enumerated(EnumType.STRING)
    @Column(name = "target_public")
    private TargetPublic targetPublic;
    private String territory;
    @Column(name = "duration_years")
    private int durationYears;
    @Enumerated(EnumType.STRING)
    private ApplicationStatus status;
    @Column(name = "status_reason")
    private String statusReason;
    @Column(name = "missing_pieces")
    private String missingPieces;
    private String synthesis;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "submitted_by")
    private String submittedBy;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "updated_at")
    private Instant updatedAt;
    @Version
    private long version;

    protected Application() {
    }

    Application(String reference, Long campaignId, Long structureId, String createdBy, Instant now) {
        this.reference = reference;
        this.campaignId = campaignId;
        this.structureId = structureId;
        this.status = ApplicationStatus.DRAFT;
        this.durationYears = 1;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void describe(String title, String description, Thematic thematic, TargetPublic targetPublic, String territory,
                  int durationYears, Instant now) {
        this.title = title;
        this.description = description;
        this.thematic = thematic;
        this.targetPublic = targetPublic;
        this.territory = territory;
        this.durationYears = durationYears;
        this.updatedAt = now;
    }

    void chooseSubTheme(String subTheme) {
        this.subTheme = subTheme;
    }

    void markSubmitted(String by, Instant at) {
        this.status = ApplicationStatus.SUBMITTED;
        this.submittedBy = by;
        this.submittedAt = at;
        this.updatedAt = at;
    }

    void changeStatus(ApplicationStatus status, String reason, Instant now) {
        this.status = status;
        this.statusReason = Texts.abbreviate(reason, 1000);
        this.updatedAt = now;
    }

    void recordMissingPieces(String missingPieces) {
        this.missingPieces = missingPieces;
    }

    void recordSynthesis(String synthesis) {
        this.synthesis = synthesis;
    }

    public Long getId() { return id; }
    public String getReference() { return reference; }
    public Long getCampaignId() { return campaignId; }
    public Long getStructureId() { return structureId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Thematic getThematic() { return thematic; }
    public String getSubTheme() { return subTheme; }
    public TargetPublic getTargetPublic() { return targetPublic; }
    public String getTerritory() { return territory; }
    public int getDurationYears() { return durationYears; }
    public ApplicationStatus getStatus() { return status; }
    public String getStatusReason() { return statusReason; }
    public String getMissingPieces() { return missingPieces; }
    public String getSynthesis() { return synthesis; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getSubmittedBy() { return submittedBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
}
