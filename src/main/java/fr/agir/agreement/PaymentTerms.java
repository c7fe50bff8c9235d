package fr.agir.agreement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The payment schedule written in every agreement: each year, an advance on signature (or on
 * the previous year's report) and the balance once the year's financial report is validated.
 */
@Component
@ConfigurationProperties(prefix = "agir.payment")
public class PaymentTerms {
    /** Share of a year's grant paid as advance, between 0 and 1 (exclusive). */
    private BigDecimal advanceRate = new BigDecimal("0.80");

    public BigDecimal getAdvanceRate() {
        return advanceRate;
    }

    public void setAdvanceRate(BigDecimal advanceRate) {
        if (advanceRate.signum() <= 0 || advanceRate.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("agir.payment.advance-rate must be between 0 and 1");
        }
        this.advanceRate = advanceRate;
    }

    public BigDecimal advanceOf(BigDecimal yearAmount) {
        return yearAmount.multiply(advanceRate).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** "80", or "82,5" for a rate of 0.825: as printed in the agreement. */
    public String advancePercent() {
        return advanceRate.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',');
    }
}
