package fr.agir.vote;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Commission permanente's decision on one application; granted amounts are kept as GRANTED amounts.
 * A later délibération may revise it ({@link #getRevisesId()}: withdrawal or new amounts): the earlier
 * decision stays, superseded; exactly one decision per application is current (V15).
 */
@Entity
@Table(name = "decision")
public class Decision {
    public enum Outcome {
        ADOPTED("Adoptée"), AMENDED("Amendée"), REJECTED("Rejetée"),
        /** A grant withdrawn by a later délibération (retrait). */
        WITHDRAWN("Subvention retirée");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** Whether the decision grants a subsidy (adopted or amended), rather than refusing or withdrawing it. */
        public boolean grants() {
            return this == ADOPTED || this == AMENDED;
        }
    }

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
    /** Why the application was rejected, or its grant withdrawn: the letter quotes it. */
    private String motivation;
    /** The sitting of the Commission permanente that voted it; none when recorded one by one. */
    @Column(name = "sitting_id")
    private Long sittingId;
    /** The decision this one revises (a later délibération); null for the first decision. */
    @Column(name = "revises_id")
    private Long revisesId;
    /** When a later délibération replaced it; null while it is the current decision. */
    @Column(name = "superseded_at")
    private Instant supersededAt;
    /** What this délibération granted, year by year (none for a rejection or a withdrawal). */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "decision_amount", joinColumns = @JoinColumn(name = "decision_id"))
    @MapKeyColumn(name = "grant_year")
    @Column(name = "amount")
    private Map<Integer, BigDecimal> amounts = new TreeMap<>();

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

    /** A later délibération revising {@code revised}. */
    static Decision revising(Decision revised, Outcome outcome, String deliberationNumber, LocalDate deliberationDate,
                             int durationYears, String motivation, String recordedBy, Instant recordedAt) {
        Decision decision = new Decision(revised.applicationId, outcome, deliberationNumber, deliberationDate,
                durationYears, motivation, null, recordedBy, recordedAt);
        decision.revisesId = revised.id;
        return decision;
    }

    void grant(Map<Integer, BigDecimal> granted) {
        amounts.clear();
        amounts.putAll(granted);
    }

    void supersede(Instant at) {
        this.supersededAt = at;
    }

    public boolean isCurrent() {
        return supersededAt == null;
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
    public Long getRevisesId() { return revisesId; }
    public Instant getSupersededAt() { return supersededAt; }
    public Map<Integer, BigDecimal> getAmounts() { return new TreeMap<>(amounts); }
    public BigDecimal getTotal() { return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add); }
}
