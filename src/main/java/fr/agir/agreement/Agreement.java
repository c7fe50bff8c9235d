package fr.agir.agreement;

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
import java.time.LocalDate;

/**
 * The legal act of a grant, generated from the vote: a convention pluriannuelle d'objectifs (CPO),
 * signed then countersigned, or an arrêté attributif, in force as soon as it is issued
 * ({@link #getInstrument()}, chosen by bpmn/legal-instrument.dmn). Both carry the grant years'
 * installments and reports; the table keeps its historical name {@code agreement}.
 */
@Entity
@Table(name = "agreement")
public class Agreement {
    public enum Status {
        /** Generated, waiting for the structure's legal representative (agreements only). */
        TO_SIGN,
        /** Signed by the structure, waiting for the Département. */
        SIGNED,
        /** Countersigned: in force, payments may start. */
        IN_FORCE,
        /** Every year reported and settled. */
        CLOSED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "agreement_number")
    private String number;
    @Enumerated(EnumType.STRING)
    private LegalInstrument instrument = LegalInstrument.AGREEMENT;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "duration_years")
    private int durationYears;
    @Column(name = "first_year")
    private int firstYear;
    @Column(name = "total_amount")
    private BigDecimal totalAmount;
    @Column(name = "generated_at")
    private Instant generatedAt;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "countersigned_by")
    private String countersignedBy;
    @Column(name = "countersigned_at")
    private Instant countersignedAt;
    @Version
    private long version;

    protected Agreement() {
    }

    Agreement(Long applicationId, String number, int durationYears, int firstYear, BigDecimal totalAmount,
              Instant generatedAt) {
        this.applicationId = applicationId;
        this.number = number;
        this.status = Status.TO_SIGN;
        this.durationYears = durationYears;
        this.firstYear = firstYear;
        this.totalAmount = totalAmount;
        this.generatedAt = generatedAt;
    }

    /** An arrêté attributif: signed in the name of the President when issued, in force at once. */
    static Agreement arrete(Long applicationId, String number, int durationYears, int firstYear,
                            BigDecimal totalAmount, Instant issuedAt) {
        Agreement arrete = new Agreement(applicationId, number, durationYears, firstYear, totalAmount, issuedAt);
        arrete.instrument = LegalInstrument.ARRETE;
        arrete.status = Status.IN_FORCE;
        return arrete;
    }

    public boolean isArrete() {
        return instrument == LegalInstrument.ARRETE;
    }

    void sign(String by, Instant at) {
        this.status = Status.SIGNED;
        this.signedBy = by;
        this.signedAt = at;
    }

    void countersign(String by, Instant at) {
        this.status = Status.IN_FORCE;
        this.countersignedBy = by;
        this.countersignedAt = at;
    }

    /**
     * A délibération modificative changed the grant before the act was signed (agreement) or paid
     * (arrêté): the act carries the new amounts and duration; an arrêté is issued anew under a new number.
     */
    void revise(String newNumber, int durationYears, BigDecimal totalAmount, Instant at) {
        if (newNumber != null) {
            this.number = newNumber;
        }
        this.durationYears = durationYears;
        this.totalAmount = totalAmount;
        this.generatedAt = at;
    }

    /** An avenant is in force: the agreement carries its total and duration (its number stays). */
    void amend(int durationYears, BigDecimal totalAmount) {
        this.durationYears = durationYears;
        this.totalAmount = totalAmount;
    }

    void close() {
        this.status = Status.CLOSED;
    }

    /** Grant year {@code year} (1, 2) is the calendar year firstYear + year - 1. */
    public LocalDate endOfYear(int year) {
        return LocalDate.of(firstYear + year - 1, 12, 31);
    }

    public Long getId() { return id; }
    public Long getApplicationId() { return applicationId; }
    public String getNumber() { return number; }
    public LegalInstrument getInstrument() { return instrument; }
    public Status getStatus() { return status; }
    public int getDurationYears() { return durationYears; }
    public int getFirstYear() { return firstYear; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public Instant getGeneratedAt() { return generatedAt; }
    public String getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public String getCountersignedBy() { return countersignedBy; }
    public Instant getCountersignedAt() { return countersignedAt; }
}
