package fr.agir.payment;

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

/** One installment (échéance) of the payment schedule of a legal act (agreement or arrêté). */
@Entity
@Table(name = "installment")
public class Installment {
    /** ADVANCE then BALANCE for an agreement's year; SINGLE: an arrêté's one installment (the whole year). */
    public enum Kind {
        ADVANCE("avance"), BALANCE("solde"), SINGLE("versement unique");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** As the structure reads it in its history. */
        public String label() {
            return label;
        }
    }

    public enum Status {
        /** Created by the schedule, waiting for liquidation. */
        SCHEDULED,
        /** Liquidated (conditions checked) by a first finance officer. */
        PREPARED,
        /** Validated by a second officer: waits for its export in a bordereau, then for the finance software's return. */
        VALIDATED,
        /** Paid: the finance software's return gave its mandate number (paymentOrderNumber) and payment date (paidAt). */
        PAID,
        /** Not to be paid (recovery ordered instead). */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "agreement_id")
    private Long agreementId;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "grant_year")
    private int grantYear;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private BigDecimal amount;
    @Enumerated(EnumType.STRING)
    private Status status;
    @Column(name = "prepared_by")
    private String preparedBy;
    @Column(name = "prepared_at")
    private Instant preparedAt;
    @Column(name = "validated_by")
    private String validatedBy;
    @Column(name = "validated_at")
    private Instant validatedAt;
    @Column(name = "return_reason")
    private String returnReason;
    @Column(name = "payment_order_number")
    private String paymentOrderNumber;
    @Column(name = "paid_at")
    private Instant paidAt;
    @Version
    private long version;

    protected Installment() {
    }

    Installment(Long agreementId, Long applicationId, int grantYear, Kind kind, BigDecimal amount) {
        this.agreementId = agreementId;
        this.applicationId = applicationId;
        this.grantYear = grantYear;
        this.kind = kind;
        this.amount = amount;
        this.status = Status.SCHEDULED;
    }

    void prepare(String by, Instant at) {
        this.status = Status.PREPARED;
        this.preparedBy = by;
        this.preparedAt = at;
        this.returnReason = null;
    }

    void validate(String by, Instant at) {
        this.status = Status.VALIDATED;
        this.validatedBy = by;
        this.validatedAt = at;
    }

    void returnToPreparation(String reason) {
        this.status = Status.SCHEDULED;
        this.returnReason = reason;
    }

    void markPaid(String paymentOrderNumber, Instant at) {
        this.status = Status.PAID;
        this.paymentOrderNumber = paymentOrderNumber;
        this.paidAt = at;
    }

    /** A délibération modificative changed the year's amount before this installment was liquidated. */
    void reschedule(BigDecimal newAmount) {
        this.amount = newAmount;
    }

    void cancel() {
        this.status = Status.CANCELLED;
    }

    public Long getId() { return id; }
    public Long getAgreementId() { return agreementId; }
    public Long getApplicationId() { return applicationId; }
    public int getGrantYear() { return grantYear; }
    public Kind getKind() { return kind; }
    public BigDecimal getAmount() { return amount; }
    public Status getStatus() { return status; }
    public String getPreparedBy() { return preparedBy; }
    public Instant getPreparedAt() { return preparedAt; }
    public String getValidatedBy() { return validatedBy; }
    public Instant getValidatedAt() { return validatedAt; }
    public String getReturnReason() { return returnReason; }
    public String getPaymentOrderNumber() { return paymentOrderNumber; }
    public Instant getPaidAt() { return paidAt; }
}
