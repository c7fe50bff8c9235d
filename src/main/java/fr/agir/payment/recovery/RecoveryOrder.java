package fr.agir.payment.recovery;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A recovery order (titre de recettes): what a structure must pay back, and why; its debtor as raised. */
@Entity
@Table(name = "recovery_order")
public class RecoveryOrder {
    public enum Origin {
        REPORT_REVIEW("Examen du compte rendu financier"), WITHDRAWAL("Retrait de la subvention"),
        FINANCE("Émis par les finances");
        private final String label;
        Origin(String label) { this.label = label; }
        public String label() { return label; }
    }

    public enum Status {
        TO_EXPORT("À exporter"), EXPORTED("Exporté, à recouvrer"), RECOVERED("Recouvré"), CANCELLED("Annulé");
        private final String label;
        Status(String label) { this.label = label; }
        public String label() { return label; }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "order_number")
    private String number;
    @Column(name = "budget_year")
    private int budgetYear;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "structure_id")
    private Long structureId;
    @Column(name = "debtor_name")
    private String debtorName;
    @Column(name = "debtor_siret")
    private String debtorSiret;
    @Column(name = "debtor_rna")
    private String debtorRna;
    @Column(name = "debtor_address")
    private String debtorAddress;
    @Column(name = "legal_rep_email")
    private String legalRepEmail;
    private BigDecimal amount;
    private String reason;
    @Enumerated(EnumType.STRING)
    private Origin origin;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "batch_id")
    private Long batchId;
    @Column(name = "recovered_on")
    private LocalDate recoveredOn;
    @Column(name = "recovered_amount")
    private BigDecimal recoveredAmount;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "letter_pdf")
    private byte[] letterPdf;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Version
    private long version;

    protected RecoveryOrder() {
    }

    RecoveryOrder(String number, int budgetYear, Long applicationId, Long structureId, String debtorName,
                  String debtorSiret, String debtorRna, String debtorAddress, String legalRepEmail, BigDecimal amount,
                  String reason, Origin origin, String createdBy, Instant createdAt) {
        this.number = number;
        this.budgetYear = budgetYear;
        this.applicationId = applicationId;
        this.structureId = structureId;
        this.debtorName = debtorName;
        this.debtorSiret = debtorSiret;
        this.debtorRna = debtorRna;
        this.debtorAddress = debtorAddress;
        this.legalRepEmail = legalRepEmail;
        this.amount = amount;
        this.reason = reason;
        this.origin = origin;
        this.status = Status.TO_EXPORT;
        this.recoveredAmount = BigDecimal.ZERO.setScale(2);
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void exported(Long batchId) {
        this.batchId = batchId;
        this.status = Status.EXPORTED;
    }

    /** A payment received: the order is RECOVERED when nothing remains due. */
    void recovered(LocalDate on, BigDecimal paid) {
        this.recoveredOn = on;
        this.recoveredAmount = recoveredAmount.add(paid);
        if (recoveredAmount.compareTo(amount) >= 0) {
            this.status = Status.RECOVERED;
        }
    }

    void cancel(String reason) {
        this.cancelReason = reason;
        this.status = Status.CANCELLED;
    }

    void letter(byte[] pdf) {
        this.letterPdf = pdf;
    }

    public BigDecimal getRemaining() { return amount.subtract(recoveredAmount); }
    public boolean isOpen() { return status == Status.TO_EXPORT || status == Status.EXPORTED; }
    public Long getId() { return id; }
    public String getNumber() { return number; }
    public int getBudgetYear() { return budgetYear; }
    public Long getApplicationId() { return applicationId; }
    public Long getStructureId() { return structureId; }
    public String getDebtorName() { return debtorName; }
    public String getDebtorSiret() { return debtorSiret; }
    public String getDebtorRna() { return debtorRna; }
    public String getDebtorAddress() { return debtorAddress; }
    public String getLegalRepEmail() { return legalRepEmail; }
    public BigDecimal getAmount() { return amount; }
    public String getReason() { return reason; }
    public Origin getOrigin() { return origin; }
    public String getOriginLabel() { return origin.label(); }
    public Status getStatus() { return status; }
    public String getStatusLabel() { return status.label(); }
    public Long getBatchId() { return batchId; }
    public LocalDate getRecoveredOn() { return recoveredOn; }
    public BigDecimal getRecoveredAmount() { return recoveredAmount; }
    public String getCancelReason() { return cancelReason; }
    public byte[] getLetterPdf() { return letterPdf; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
