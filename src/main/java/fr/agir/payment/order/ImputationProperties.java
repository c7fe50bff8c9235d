package fr.agir.payment.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The budget imputation of grants (chapter, nature/article, function), per part of the budget:
 * {@code agir.finance.imputation.operating.*} (65 / 6574 / 93) and {@code agir.finance.imputation.investment.*}
 * (204 / 20421 / 93). Written on each payment order (PES V2 {@code Nature}, {@code Fonction}).
 */
@ConfigurationProperties("agir.finance.imputation")
public record ImputationProperties(@DefaultValue({"65", "6574", "93"}) Line operating,
                                   @DefaultValue({"204", "20421", "93"}) Line investment) {

    public record Line(String chapter, String article, String function) {
    }

    /** The line of a budget part: INVESTMENT, otherwise operating. */
    public Line of(String part) {
        return "INVESTMENT".equals(part) ? investment : operating;
    }
}
