package fr.agir.jury;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The jury's advisory opinion on one application; its amounts per year are kept as JURY amounts. */
@Entity
@Table(name = "jury_result")
public class JuryResult {
    public enum Verdict { FAVORABLE, UNFAVORABLE }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    private Verdict verdict;
    @Column(name = "duration_years")
    private int durationYears;
    @Column(name = "jury_comment")
    private String comment;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected JuryResult() {
    }

    JuryResult(Long applicationId, Verdict verdict, int durationYears, String comment, String recordedBy,
               Instant recordedAt) {
        this.applicationId = applicationId;
        this.verdict = verdict;
        this.durationYears = durationYears;
        this.comment = comment;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public Verdict getVerdict() { return verdict; }
    public int getDurationYears() { return durationYears; }
    public String getComment() { return comment; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
}
