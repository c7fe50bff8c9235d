package fr.agir.agreement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

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
    /**
     * The amounts per year the act was established with (generated, or regenerated before the signature):
     * once signed, they stay; only an avenant changes what the agreement carries.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_year", joinColumns = @JoinColumn(name = "agreement_id"))
    @MapKeyColumn(name = "grant_year")
    @Column(name = "amount")
    private Map<Integer, BigDecimal> amounts = new TreeMap<>();
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

    Agreement(Long applicationId, String number, int durationYears, int firstYear, Map<Integer, BigDecimal> amounts,
              Instant generatedAt) {
        this.applicationId = applicationId;
        this.number = number;
        this.status = Status.TO_SIGN;
        this.durationYears = durationYears;
        this.firstYear = firstYear;
        establish(amounts);
        this.generatedAt = generatedAt;
    }

    /** An agreement without per-year amounts (documents' unit tests): only its total. */
    Agreement(Long applicationId, String number, int durationYears, int firstYear, BigDecimal totalAmount,
              Instant generatedAt) {
        this(applicationId, number, durationYears, firstYear, Map.of(), generatedAt);
        this.totalAmount = totalAmount;
    }

    private void establish(Map<Integer, BigDecimal> amounts) {
        this.amounts.clear();
        this.amounts.putAll(amounts);
        this.totalAmount = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Signed by the structure (SIGNED) or in force after the countersignature: an agreement's text is fixed. */
    public boolean isSignedAgreement() {
        return !isArrete() && (status == Status.SIGNED || status == Status.IN_FORCE);
    }

    /** An arrêté attributif: signed in the name of the President when issued, in force at once. */
    static Agreement arrete(Long applicationId, String number, int durationYears, int firstYear,
                            Map<Integer, BigDecimal> amounts, Instant issuedAt) {
        Agreement arrete = new Agreement(applicationId, number, durationYears, firstYear, amounts, issuedAt);
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
    void revise(String newNumber, int durationYears, Map<Integer, BigDecimal> amounts, Instant at) {
        if (isSignedAgreement()) {
            throw new IllegalStateException("A signed agreement changes only by an avenant");
        }
        if (newNumber != null) {
            this.number = newNumber;
        }
        this.durationYears = durationYears;
        establish(amounts);
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
    /** The amounts per year the act was established (and, for an agreement, signed) with; see {@link #amounts}. */
    public Map<Integer, BigDecimal> getEstablishedAmounts() { return new TreeMap<>(amounts); }
    public Instant getGeneratedAt() { return generatedAt; }
    public String getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public String getCountersignedBy() { return countersignedBy; }
    public Instant getCountersignedAt() { return countersignedAt; }
}
