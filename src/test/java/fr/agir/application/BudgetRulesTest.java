package fr.agir.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetRulesTest {

    private static YearBudget budget(int year, String requested, Map<BudgetLineCode, String> lines) {
        Map<BudgetLineCode, BigDecimal> amounts = YearBudget.emptyLines();
        lines.forEach((code, amount) -> amounts.put(code, new BigDecimal(amount)));
        return new YearBudget(year, requested == null ? null : new BigDecimal(requested), amounts);
    }

    private static YearBudget balanced(int year) {
        return budget(year, "20000.00", Map.of(BudgetLineCode.C64, "30000.00", BudgetLineCode.C86, "2000.00",
                BudgetLineCode.P70, "10000.00", BudgetLineCode.P74_DEPARTEMENT, "20000.00", BudgetLineCode.P87, "2000.00"));
    }

    @Test
    void aBalancedBudgetWithTheDepartementLineEqualToTheRequestPasses() {
        assertThat(BudgetRules.check(2, List.of(balanced(1), balanced(2)))).isEmpty();
    }

    @Test
    void chargesAndProductsMustBalance() {
        YearBudget unbalanced = budget(1, "20000.00", Map.of(BudgetLineCode.C64, "30000.01",
                BudgetLineCode.P70, "10000.00", BudgetLineCode.P74_DEPARTEMENT, "20000.00"));
        assertThat(BudgetRules.check(1, List.of(unbalanced))).containsOnlyKeys("budgets[1].balance")
                .extractingByKey("budgets[1].balance").asString().contains("30 000,01 €", "30 000,00 €");
    }

    @Test
    void theDepartementLineMustEqualTheAmountRequested() {
        YearBudget budget = budget(1, "25000.00", Map.of(BudgetLineCode.C64, "30000.00",
                BudgetLineCode.P70, "10000.00", BudgetLineCode.P74_DEPARTEMENT, "20000.00"));
        assertThat(BudgetRules.check(1, List.of(budget))).containsOnlyKeys("budgets[1].lines.74-DEPARTEMENT");
    }

    @Test
    void voluntaryContributionsMustMatchOnBothSides() {
        YearBudget budget = budget(1, "20000.00", Map.of(BudgetLineCode.C64, "30000.00", BudgetLineCode.C86, "2000.00",
                BudgetLineCode.P70, "11000.00", BudgetLineCode.P74_DEPARTEMENT, "20000.00", BudgetLineCode.P87, "1000.00"));
        assertThat(BudgetRules.check(1, List.of(budget))).containsOnlyKeys("budgets[1].lines.86");
    }

    @Test
    void everyYearOfTheDurationNeedsItsBudgetAndNoMore() {
        assertThat(BudgetRules.check(2, List.of(balanced(1)))).containsOnlyKeys("budgets[2]");
        assertThat(BudgetRules.check(1, List.of(balanced(1), balanced(2)))).containsOnlyKeys("budgets[2]");
    }

    @Test
    void aMissingRequestAndAnEmptyBudgetAreReported() {
        assertThat(BudgetRules.check(1, List.of(budget(1, null, Map.of()))))
                .containsKeys("budgets[1].requestedAmount", "budgets[1].lines");
    }

    @Test
    void fractionsOfACentAndNegativeAmountsAreRefused() {
        YearBudget budget = budget(1, "20000.00", Map.of(BudgetLineCode.C64, "30000.001", BudgetLineCode.C60, "-1.00",
                BudgetLineCode.P70, "10000.00", BudgetLineCode.P74_DEPARTEMENT, "20000.00"));
        assertThat(BudgetRules.check(1, List.of(budget))).containsKeys("budgets[1].lines.64", "budgets[1].lines.60");
    }
}
