package fr.agir.payment.recovery;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A numbered export of recovery orders (per budget year); its CSV is kept as sent. */
@Entity
@Table(name = "recovery_batch")
public class RecoveryBatch {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "budget_year")
    private int budgetYear;
    @Column(name = "batch_number")
    private int number;
    @Column(name = "issued_on")
    private LocalDate issuedOn;
    @Column(name = "order_count")
    private int orderCount;
    @Column(name = "total_amount")
    private BigDecimal totalAmount;
    @Column(name = "created_by")
    private String createdBy;
    @Column(name = "created_at")
    private Instant createdAt;
    @Column(name = "file_name")
    private String fileName;
    @Basic(fetch = FetchType.LAZY)
    @Column(name = "csv_content")
    private byte[] csv;

    protected RecoveryBatch() {
    }

    RecoveryBatch(int budgetYear, int number, LocalDate issuedOn, String createdBy, Instant createdAt) {
        this.budgetYear = budgetYear;
        this.number = number;
        this.issuedOn = issuedOn;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.fileName = "titres-%d-%04d.csv".formatted(budgetYear, number);
        this.totalAmount = BigDecimal.ZERO.setScale(2);
        this.csv = new byte[0];
    }

    void close(int orderCount, BigDecimal totalAmount, byte[] csv) {
        this.orderCount = orderCount;
        this.totalAmount = totalAmount;
        this.csv = csv;
    }

    public Long getId() { return id; }
    public int getBudgetYear() { return budgetYear; }
    public int getNumber() { return number; }
    public LocalDate getIssuedOn() { return issuedOn; }
    public int getOrderCount() { return orderCount; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getFileName() { return fileName; }
    public byte[] getCsv() { return csv; }
}
