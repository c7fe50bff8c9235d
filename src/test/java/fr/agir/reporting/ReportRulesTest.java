package fr.agir.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.agir.application.BudgetLineCode;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportRulesTest {
    private static final BigDecimal THRESHOLD = new BigDecimal("0.15");

    private static ReportRules.Line line(BudgetLineCode code, String forecast, String actual, String why) {
        return new ReportRules.Line(code, new BigDecimal(forecast), actual == null ? null : new BigDecimal(actual), why);
    }

    /** Charges 64 + 60, products 70 + 74-Département, balanced, each within its forecast's 15 %. */
    private static List<ReportRules.Line> balanced(String personnelActual, String why) {
        return List.of(line(BudgetLineCode.C60, "3000", "3000", null),
                line(BudgetLineCode.C64, "40000", personnelActual, why),
                line(BudgetLineCode.P70, "13000", new BigDecimal(personnelActual).subtract(new BigDecimal("27000"))
                        .add(new BigDecimal("3000")).toPlainString(), "Ventes ajustées à l'équilibre"),
                line(BudgetLineCode.P74_DEPARTEMENT, "30000", "27000", null));
    }

    @Test
    void gapsInEurosAndPercentWithAZeroForecast() {
        ReportRules.Line over = line(BudgetLineCode.C64, "40000", "46000", null);
        assertThat(over.gap()).isEqualByComparingTo("6000");
        assertThat(over.gapPercent()).isEqualByComparingTo("15.0");
        assertThat(over.exceeds(THRESHOLD)).as("exactly 15 % is not above 15 %").isFalse();
        assertThat(line(BudgetLineCode.C64, "40000", "46000.01", null).exceeds(THRESHOLD)).isTrue();
        assertThat(line(BudgetLineCode.C64, "40000", "33999", null).exceeds(THRESHOLD)).as("under, too").isTrue();
        assertThat(line(BudgetLineCode.C64, "3", "1", null).gapPercent()).isEqualByComparingTo("-66.7");

        ReportRules.Line unforecast = line(BudgetLineCode.C61, "0", "500", null);
        assertThat(unforecast.gapPercent()).as("no division by a zero forecast").isNull();
        assertThat(unforecast.exceeds(THRESHOLD)).isTrue();
        assertThat(ReportRules.describeGap(unforecast)).isEqualTo("+500,00 € (non prévu)");
        assertThat(line(BudgetLineCode.C61, "0", "0", null).exceeds(THRESHOLD)).isFalse();
        assertThat(line(BudgetLineCode.C61, "0", null, null).gap()).isNull();
    }

    @Test
    void percentagesAreWrittenTheFrenchWayWithANarrowNoBreakSpace() {
        assertThat(ReportRules.describeGap(line(BudgetLineCode.C64, "40000", "45000", null)))
                .isEqualTo("+5 000,00 € (+12,5\u202f%)");
        assertThat(ReportRules.describeGap(line(BudgetLineCode.C64, "3", "1", null))).endsWith("(-66,7\u202f%)");
        assertThat(ReportRules.percent(THRESHOLD)).isEqualTo("15\u202f%");
        assertThat(ReportRules.percent(new BigDecimal("0.125"))).isEqualTo("12,5\u202f%");
    }

    @Test
    void aBalancedReportWithinTheThresholdPasses() {
        assertThat(ReportRules.check(balanced("41000", null), THRESHOLD, new BigDecimal("3000"), "Salaires")).isEmpty();
        assertThat(ReportRules.spentGrant(balanced("41000", null), new BigDecimal("3000"))).isEqualByComparingTo("24000");
        assertThat(ReportRules.proposedRecovery(new BigDecimal("3000"), new BigDecimal("2000"))).isEqualByComparingTo("2000");
        assertThat(ReportRules.proposedRecovery(BigDecimal.ZERO, new BigDecimal("2000"))).isEqualByComparingTo("0");
    }

    @Test
    void aGapAboveTheThresholdNeedsAnExplanationAndTheThresholdIsConfigurable() {
        assertThat(ReportRules.check(balanced("50000", null), THRESHOLD, BigDecimal.ZERO, "Salaires"))
                .containsOnlyKeys("l64.explanation");
        assertThat(ReportRules.check(balanced("50000", " "), THRESHOLD, BigDecimal.ZERO, "Salaires"))
                .containsOnlyKeys("l64.explanation");
        assertThat(ReportRules.check(balanced("50000", "Un poste de plus"), THRESHOLD, BigDecimal.ZERO, "Salaires"))
                .isEmpty();
        assertThat(ReportRules.check(balanced("50000", null), new BigDecimal("0.30"), BigDecimal.ZERO, "Salaires"))
                .as("25 % is under a 30 % threshold").isEmpty();
    }

    @Test
    void unbalancedNegativeOrMissingAmountsAreRefused() {
        List<ReportRules.Line> unbalanced = List.of(line(BudgetLineCode.C64, "100", "100", null),
                line(BudgetLineCode.P74_DEPARTEMENT, "100", "90", null));
        assertThat(ReportRules.check(unbalanced, THRESHOLD, BigDecimal.ZERO, "x").get("balance"))
                .contains("100,00 €", "90,00 €");
        List<ReportRules.Line> negative = List.of(line(BudgetLineCode.C64, "100", "-5", null),
                line(BudgetLineCode.P74_DEPARTEMENT, "100", null, null));
        assertThat(ReportRules.check(negative, THRESHOLD, new BigDecimal("-1"), null))
                .containsOnlyKeys("l64.actual", "l74_departement.actual", "unspent", "grantUse");
        assertThat(ReportRules.check(List.of(line(BudgetLineCode.P74_DEPARTEMENT, "100", "100", null),
                line(BudgetLineCode.C64, "100", "100", null)), THRESHOLD, new BigDecimal("150"), "x"))
                .containsOnlyKeys("unspent");
        assertThat(ReportRules.check(List.of(line(BudgetLineCode.C86, "10", "10", null),
                line(BudgetLineCode.P87, "10", "9.999", null)), THRESHOLD, BigDecimal.ZERO, "x"))
                .containsKey("l87.actual");
    }
}
