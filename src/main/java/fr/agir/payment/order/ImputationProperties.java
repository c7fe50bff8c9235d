package fr.agir.payment.order;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The budget imputation of grants (chapter, nature/article, function), per part of the budget:
 * {@code agir.finance.imputation.operating.*} (65 / 6574 / 93) and {@code agir.finance.imputation.investment.*}
 * (204 / 20421 / 93). Written on each payment order (PES V2 {@code Nature}, {@code Fonction}).
 */
@ConfigurationProperties("agir.finance.imputation")
public record ImputationProperties(Line operating, Line investment) {
    static final Line OPERATING = new Line("65", "6574", "93");
    static final Line INVESTMENT = new Line("204", "20421", "93");

    public ImputationProperties {
        operating = Line.or(operating, OPERATING);
        investment = Line.or(investment, INVESTMENT);
    }

    public record Line(String chapter, String article, String function) {
        /** Each part not configured taken from {@code defaults}. */
        static Line or(Line configured, Line defaults) {
            if (configured == null) {
                return defaults;
            }
            return new Line(blank(configured.chapter) ? defaults.chapter : configured.chapter,
                    blank(configured.article) ? defaults.article : configured.article,
                    blank(configured.function) ? defaults.function : configured.function);
        }

        private static boolean blank(String value) {
            return value == null || value.isBlank();
        }
    }

    /** The line of a budget part: INVESTMENT, otherwise operating. */
    public Line of(String part) {
        return "INVESTMENT".equals(part) ? investment : operating;
    }
}
