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
import java.time.LocalDate;

/** The Commission permanente's decision on one application; granted amounts are kept as GRANTED amounts. */
@Entity
@Table(name = "decision")
public class Decision {
    public enum Outcome { ADOPTED, AMENDED, REJECTED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "deliberation_number")
    private String deliberationNumber;
    @Column(name = "deliberation_date")
    private LocalDate deliberationDate;
    @Column(name = "duration_years")
    private int durationYears;
    @Column(name = "recorded_by")
    private String recordedBy;
    @Column(name = "recorded_at")
    private Instant recordedAt;
    /** Why the application was rejected: the refusal letter quotes it. */
    private String motivation;
    /** The sitting of the Commission permanente that voted it; none when recorded one by one. */
    @Column(name = "sitting_id")
    private Long sittingId;

    protected Decision() {
    }

    Decision(Long applicationId, Outcome outcome, String deliberationNumber, LocalDate deliberationDate,
             int durationYears, String motivation, Long sittingId, String recordedBy, Instant recordedAt) {
        this.applicationId = applicationId;
        this.outcome = outcome;
        this.deliberationNumber = deliberationNumber;
        this.deliberationDate = deliberationDate;
        this.durationYears = durationYears;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.motivation = motivation;
        this.sittingId = sittingId;
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public Outcome getOutcome() { return outcome; }
    public String getDeliberationNumber() { return deliberationNumber; }
    public LocalDate getDeliberationDate() { return deliberationDate; }
    public int getDurationYears() { return durationYears; }
    public String getRecordedBy() { return recordedBy; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getMotivation() { return motivation; }
    public Long getSittingId() { return sittingId; }
}
