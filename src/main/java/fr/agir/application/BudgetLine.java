package fr.agir.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "budget_line")
class BudgetLine {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "grant_year")
    private int grantYear;
    private String code;
    private BigDecimal amount;

    protected BudgetLine() {
    }

    BudgetLine(Long applicationId, int grantYear, String code, BigDecimal amount) {
        this.applicationId = applicationId;
        this.grantYear = grantYear;
        this.code = code;
        this.amount = amount;
    }

    int getGrantYear() { return grantYear; }
    String getCode() { return code; }
    BigDecimal getAmount() { return amount; }
}
