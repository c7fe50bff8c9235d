package fr.agir.payment.order;

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

/** A numbered bordereau of payment orders (one budget year and part, one day); its CSV is kept as sent. */
@Entity
@Table(name = "bordereau")
public class Bordereau {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "budget_year")
    private int budgetYear;
    @Column(name = "bordereau_number")
    private int number;
    @Column(name = "issued_on")
    private LocalDate issuedOn;
    @Column(name = "budget_part")
    private String budgetPart;
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

    protected Bordereau() {
    }

    Bordereau(int budgetYear, int number, LocalDate issuedOn, String budgetPart, String createdBy, Instant createdAt) {
        this.budgetYear = budgetYear;
        this.number = number;
        this.issuedOn = issuedOn;
        this.budgetPart = budgetPart;
        this.createdBy = createdBy;
        this.createdAt = createdAt;
        this.fileName = "bordereau-%d-%04d.csv".formatted(budgetYear, number);
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
    public String getBudgetPart() { return budgetPart; }
    public String getBudgetPartLabel() { return "INVESTMENT".equals(budgetPart) ? "Investissement" : "Fonctionnement"; }
    public int getOrderCount() { return orderCount; }
    public BigDecimal getTotalAmount() { return totalAmount; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public String getFileName() { return fileName; }
    public byte[] getCsv() { return csv; }
}
