package fr.agir.application;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;

@Entity
@Table(name = "application_amount")
class ApplicationAmount {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(name = "grant_year")
    private int grantYear;
    @Enumerated(EnumType.STRING)
    private AmountKind kind;
    private BigDecimal amount;

    protected ApplicationAmount() {
    }

    ApplicationAmount(Long applicationId, int grantYear, AmountKind kind, BigDecimal amount) {
        this.applicationId = applicationId;
        this.grantYear = grantYear;
        this.kind = kind;
        this.amount = amount;
    }

    Long getApplicationId() { return applicationId; }
    int getGrantYear() { return grantYear; }
    AmountKind getKind() { return kind; }
    BigDecimal getAmount() { return amount; }
}
