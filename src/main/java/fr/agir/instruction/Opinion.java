package fr.agir.instruction;

import fr.agir.security.Directorate;
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
import java.time.LocalDate;

/** The opinion (avis) asked of one directorate on one application. */
@Entity
@Table(name = "opinion")
public class Opinion {
    public enum Status { REQUESTED, GIVEN, EXPIRED }

    public enum Verdict {
        FAVORABLE("favorable"), RESERVED("réservé"), UNFAVORABLE("défavorable");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Enumerated(EnumType.STRING)
    private Directorate directorate;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Enumerated(EnumType.STRING)
    private Verdict verdict;
    @Column(name = "opinion_comment")
    private String comment;
    @Column(name = "suggested_amount")
    private BigDecimal suggestedAmount;
    @Column(name = "requested_at")
    private Instant requestedAt;
    @Column(name = "due_date")
    private LocalDate dueDate;
    @Column(name = "given_by")
    private String givenBy;
    @Column(name = "given_at")
    private Instant givenAt;

    protected Opinion() {
    }

    Opinion(Long applicationId, Directorate directorate, Instant requestedAt, LocalDate dueDate) {
        this.applicationId = applicationId;
        this.directorate = directorate;
        this.status = Status.REQUESTED;
        this.requestedAt = requestedAt;
        this.dueDate = dueDate;
    }

    void give(Verdict verdict, String comment, BigDecimal suggestedAmount, String by, Instant at) {
        this.status = Status.GIVEN;
        this.verdict = verdict;
        this.comment = comment;
        this.suggestedAmount = suggestedAmount;
        this.givenBy = by;
        this.givenAt = at;
    }

    void expire() {
        this.status = Status.EXPIRED;
    }

    /**
     * Where the opinion stands, in words: asked with its deadline, given with its verdict, or "sans
     * avis" once the deadline passed and the instruction went on without it.
     */
    public String statusLabel() {
        return switch (status) {
            case REQUESTED -> "Avis attendu au plus tard le " + fr.agir.shared.French.date(dueDate);
            case GIVEN -> "Avis " + verdict.label();
            case EXPIRED -> "Sans avis : délai dépassé le " + fr.agir.shared.French.date(dueDate);
        };
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public Directorate getDirectorate() { return directorate; }
    public Status getStatus() { return status; }
    public Verdict getVerdict() { return verdict; }
    public String getComment() { return comment; }
    public BigDecimal getSuggestedAmount() { return suggestedAmount; }
    public Instant getRequestedAt() { return requestedAt; }
    public LocalDate getDueDate() { return dueDate; }
    public String getGivenBy() { return givenBy; }
    public Instant getGivenAt() { return givenAt; }
}
