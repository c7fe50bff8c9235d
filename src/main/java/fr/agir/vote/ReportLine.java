package fr.agir.vote;

import fr.agir.jury.JuryResult;
import fr.agir.jury.SessionApplication;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One application in a sitting's report: the jury's proposal (kept as it was), the DIEESS's
 * adjustment with its reason (if any), and once voted the outcome with the voted amounts or the
 * rejection's motivation. An adjourned line comes back in the next sitting's report.
 */
@Entity
@Table(name = "cp_report_line")
public class ReportLine {
    public enum Outcome {
        ADOPTED("Adoptée"), AMENDED("Amendée"), REJECTED("Rejetée"), ADJOURNED("Ajournée");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "sitting_id")
    private Long sittingId;
    @Column(name = "application_id")
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    private SessionApplication.Nature nature;
    @Enumerated(EnumType.STRING)
    @Column(name = "jury_verdict")
    private JuryResult.Verdict juryVerdict;
    @Column(name = "proposed_duration")
    private int proposedDuration;
    @Column(name = "proposed_year1")
    private BigDecimal proposedYear1;
    @Column(name = "proposed_year2")
    private BigDecimal proposedYear2;
    @Column(name = "adjusted_duration")
    private Integer adjustedDuration;
    @Column(name = "adjusted_year1")
    private BigDecimal adjustedYear1;
    @Column(name = "adjusted_year2")
    private BigDecimal adjustedYear2;
    @Column(name = "adjustment_reason")
    private String adjustmentReason;
    @Column(name = "adjusted_by")
    private String adjustedBy;
    @Column(name = "adjusted_at")
    private Instant adjustedAt;
    @Enumerated(EnumType.STRING)
    private Outcome outcome;
    @Column(name = "voted_duration")
    private Integer votedDuration;
    @Column(name = "voted_year1")
    private BigDecimal votedYear1;
    @Column(name = "voted_year2")
    private BigDecimal votedYear2;
    private String motivation;
    @Version
    private long version;

    protected ReportLine() {
    }

    ReportLine(Long sittingId, Long applicationId, SessionApplication.Nature nature, JuryResult.Verdict juryVerdict,
               int proposedDuration, Map<Integer, BigDecimal> proposed) {
        this.sittingId = sittingId;
        this.applicationId = applicationId;
        this.nature = nature;
        this.juryVerdict = juryVerdict;
        this.proposedDuration = proposedDuration;
        this.proposedYear1 = proposed.get(1);
        this.proposedYear2 = proposed.get(2);
    }

    void adjust(int duration, Map<Integer, BigDecimal> amounts, String reason, String by, Instant at) {
        this.adjustedDuration = duration;
        this.adjustedYear1 = amounts.get(1);
        this.adjustedYear2 = amounts.get(2);
        this.adjustmentReason = reason;
        this.adjustedBy = by;
        this.adjustedAt = at;
    }

    void vote(Outcome outcome, int duration, Map<Integer, BigDecimal> amounts, String motivation) {
        this.outcome = outcome;
        this.votedDuration = outcome == Outcome.ADJOURNED ? null : duration;
        this.votedYear1 = amounts.get(1);
        this.votedYear2 = amounts.get(2);
        this.motivation = motivation;
    }

    private static Map<Integer, BigDecimal> byYear(BigDecimal year1, BigDecimal year2) {
        Map<Integer, BigDecimal> result = new LinkedHashMap<>();
        if (year1 != null) {
            result.put(1, year1);
        }
        if (year2 != null) {
            result.put(2, year2);
        }
        return result;
    }

    /** The jury's proposal per year (empty for an unfavourable opinion). */
    public Map<Integer, BigDecimal> proposedAmounts() {
        return byYear(proposedYear1, proposedYear2);
    }

    public boolean isAdjusted() {
        return adjustedDuration != null;
    }

    /** What the report proposes to vote: the adjustment if any, else the jury's proposal. */
    public Map<Integer, BigDecimal> reportAmounts() {
        return isAdjusted() ? byYear(adjustedYear1, adjustedYear2) : proposedAmounts();
    }

    public int reportDuration() {
        return isAdjusted() ? adjustedDuration : proposedDuration;
    }

    public Map<Integer, BigDecimal> adjustedAmounts() {
        return byYear(adjustedYear1, adjustedYear2);
    }

    public Map<Integer, BigDecimal> votedAmounts() {
        return byYear(votedYear1, votedYear2);
    }

    public Long getId() { return id; }
    public Long getSittingId() { return sittingId; }
    public Long getApplicationId() { return applicationId; }
    public SessionApplication.Nature getNature() { return nature; }
    public JuryResult.Verdict getJuryVerdict() { return juryVerdict; }
    public int getProposedDuration() { return proposedDuration; }
    public Integer getAdjustedDuration() { return adjustedDuration; }
    public String getAdjustmentReason() { return adjustmentReason; }
    public String getAdjustedBy() { return adjustedBy; }
    public Instant getAdjustedAt() { return adjustedAt; }
    public Outcome getOutcome() { return outcome; }
    public Integer getVotedDuration() { return votedDuration; }
    public String getMotivation() { return motivation; }
}
