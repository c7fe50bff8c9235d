package fr.agir.vote;

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
import java.time.LocalDate;

/**
 * A sitting (séance) of the Commission permanente for one campaign: its report is prepared, sent to
 * the elected members, then voted as one délibération (number and date).
 */
@Entity
@Table(name = "cp_sitting")
public class CommissionSitting {
    public enum Status {
        IN_PREPARATION("Rapport en préparation"),
        REPORT_SENT("Rapport envoyé aux élus"),
        VOTED("Délibération votée");

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
    @Column(name = "campaign_id")
    private Long campaignId;
    @Column(name = "sitting_number")
    private String number;
    @Column(name = "sitting_date")
    private LocalDate sittingDate;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "deliberation_number")
    private String deliberationNumber;
    @Column(name = "deliberation_date")
    private LocalDate deliberationDate;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "report_sent_by")
    private String reportSentBy;
    @Column(name = "report_sent_at")
    private Instant reportSentAt;
    @Column(name = "voted_by")
    private String votedBy;
    @Column(name = "voted_at")
    private Instant votedAt;
    @Version
    private long version;

    protected CommissionSitting() {
    }

    CommissionSitting(Long campaignId, String number, LocalDate sittingDate, String createdBy, Instant createdAt) {
        this.campaignId = campaignId;
        this.number = number;
        this.sittingDate = sittingDate;
        this.status = Status.IN_PREPARATION;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void reportSent(String by, Instant at) {
        this.status = Status.REPORT_SENT;
        this.reportSentBy = by;
        this.reportSentAt = at;
    }

    void voted(String deliberationNumber, LocalDate deliberationDate, String by, Instant at) {
        this.status = Status.VOTED;
        this.deliberationNumber = deliberationNumber;
        this.deliberationDate = deliberationDate;
        this.votedBy = by;
        this.votedAt = at;
    }

    public Long getId() { return id; }
    public Long getCampaignId() { return campaignId; }
    public String getNumber() { return number; }
    public LocalDate getSittingDate() { return sittingDate; }
    public Status getStatus() { return status; }
    public String getDeliberationNumber() { return deliberationNumber; }
    public LocalDate getDeliberationDate() { return deliberationDate; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getReportSentBy() { return reportSentBy; }
    public Instant getReportSentAt() { return reportSentAt; }
    public String getVotedBy() { return votedBy; }
    public Instant getVotedAt() { return votedAt; }
}
