package fr.agir.agreement;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * An avenant to a countersigned agreement: new amounts per year (within the vote), its object and reason,
 * the bank details when they changed. Drafted by the instructor, signed by the structure, countersigned by
 * the Département like the agreement (its PDFs kept here: the unsigned original and the PAdES-signed one),
 * then in force: the installments not yet liquidated follow it.
 */
@Entity
@Table(name = "agreement_amendment")
public class Amendment {
    public enum Status {
        /** Written by the instructor, not yet shown to the structure; may be changed or abandoned. */
        DRAFT,
        /** Submitted: waiting for the structure's legal representative. */
        TO_SIGN,
        /** Signed by the structure, waiting for the Département's signatory. */
        SIGNED,
        /** Countersigned: the agreement follows it. */
        IN_FORCE,
        /** Abandoned while a draft. */
        CANCELLED;

        /** As its tag shows it. */
        public String label() {
            return switch (this) {
                case DRAFT -> "Brouillon (instruction)";
                case TO_SIGN -> "À signer par la structure";
                case SIGNED -> "Signé, en attente du Département";
                case IN_FORCE -> "En vigueur";
                case CANCELLED -> "Abandonné";
            };
        }

        public String kind() {
            return switch (this) {
                case DRAFT -> "info";
                case TO_SIGN -> "attention";
                case SIGNED -> "info";
                case IN_FORCE -> "succes";
                case CANCELLED -> null;
            };
        }

        /** Drafted and not yet in force or abandoned: only one at a time. */
        public boolean open() {
            return this == DRAFT || this == TO_SIGN || this == SIGNED;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "agreement_id")
    private Long agreementId;
    @Column(name = "amendment_rank")
    private int rank;
    @Column(name = "amendment_number")
    private String number;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "duration_years")
    private int durationYears;
    @Column(name = "total_amount")
    private BigDecimal totalAmount;
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "agreement_amendment_year", joinColumns = @JoinColumn(name = "amendment_id"))
    @MapKeyColumn(name = "grant_year")
    @Column(name = "amount")
    private Map<Integer, BigDecimal> amounts = new TreeMap<>();
    @Column(name = "object_text")
    private String object;
    private String reason;
    @Column(name = "bank_details_changed")
    private boolean bankDetailsChanged;
    private String iban;
    @Column(name = "drafted_by")
    private String draftedBy;
    @Column(name = "drafted_at")
    private Instant draftedAt;
    @Column(name = "submitted_at")
    private Instant submittedAt;
    @Column(name = "signed_by")
    private String signedBy;
    @Column(name = "signed_at")
    private Instant signedAt;
    @Column(name = "countersigned_by")
    private String countersignedBy;
    @Column(name = "countersigned_at")
    private Instant countersignedAt;
    @Column(name = "original_pdf")
    private byte[] originalPdf;
    @Column(name = "signed_pdf")
    private byte[] signedPdf;
    @Version
    private long version;

    protected Amendment() {
    }

    Amendment(Agreement agreement, int rank, Map<Integer, BigDecimal> amounts, int durationYears, String object,
              String reason, String iban, String by, Instant at) {
        this.agreementId = agreement.getId();
        this.rank = rank;
        this.number = agreement.getNumber() + "-A" + rank;
        this.status = Status.DRAFT;
        this.draftedBy = by;
        this.draftedAt = at;
        change(amounts, durationYears, object, reason, iban);
    }

    void change(Map<Integer, BigDecimal> amounts, int durationYears, String object, String reason, String iban) {
        this.amounts.clear();
        this.amounts.putAll(amounts);
        this.durationYears = durationYears;
        this.totalAmount = amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        this.object = object;
        this.reason = reason;
        this.bankDetailsChanged = iban != null;
        this.iban = iban;
    }

    void submit(Instant at) {
        this.status = Status.TO_SIGN;
        this.submittedAt = at;
    }

    void cancel() {
        this.status = Status.CANCELLED;
    }

    void sign(String by, Instant at, byte[] original, byte[] signed) {
        this.status = Status.SIGNED;
        this.signedBy = by;
        this.signedAt = at;
        this.originalPdf = original;
        this.signedPdf = signed;
    }

    void countersign(String by, Instant at, byte[] signed) {
        this.status = Status.IN_FORCE;
        this.countersignedBy = by;
        this.countersignedAt = at;
        this.signedPdf = signed;
    }

    /** "A1": as the pages name it. */
    public String getShortName() { return "A" + rank; }
    public Long getId() { return id; }
    public Long getAgreementId() { return agreementId; }
    public int getRank() { return rank; }
    public String getNumber() { return number; }
    public Status getStatus() { return status; }
    public int getDurationYears() { return durationYears; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public Map<Integer, BigDecimal> getAmounts() { return new TreeMap<>(amounts); }
    public String getObject() { return object; }
    public String getReason() { return reason; }
    public boolean isBankDetailsChanged() { return bankDetailsChanged; }
    public String getIban() { return iban; }
    public String getDraftedBy() { return draftedBy; }
    public Instant getDraftedAt() { return draftedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public String getSignedBy() { return signedBy; }
    public Instant getSignedAt() { return signedAt; }
    public String getCountersignedBy() { return countersignedBy; }
    public Instant getCountersignedAt() { return countersignedAt; }
    byte[] getOriginalPdf() { return originalPdf; }
    byte[] getSignedPdf() { return signedPdf; }
}
