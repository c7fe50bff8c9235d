package fr.agir.reporting;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** One step of a report's history, shown to the structure and to the instructor: who, when, what was said. */
@Entity
@Table(name = "report_event")
public class ReportEvent {
    public enum Kind {
        SUBMITTED("Remis"),
        RETURNED("Renvoyé à la structure pour correction"),
        VALIDATED("Validé"),
        RECOVERY("Validé avec reversement"),
        /** The instructor's « Relance effectuée » on a late report: the DIEESS's only, never the structure's. */
        FOLLOWED_UP("Relance effectuée");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "report_id")
    private Long reportId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String actor;
    @Column(name = "occurred_at")
    private Instant occurredAt;
    private String comment;
    private BigDecimal amount;

    protected ReportEvent() {
    }

    ReportEvent(Long reportId, Kind kind, String actor, Instant occurredAt, String comment, BigDecimal amount) {
        this.reportId = reportId;
        this.kind = kind;
        this.actor = actor;
        this.occurredAt = occurredAt;
        this.comment = comment;
        this.amount = amount;
    }

    public Long getReportId() { return reportId; }
    public Kind getKind() { return kind; }
    public String getActor() { return actor; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getComment() { return comment; }
    public BigDecimal getAmount() { return amount; }
}
