package fr.agir.application;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;

/** The budget prévisionnel of one grant year and the amount asked of the Département that year. */
public record YearBudget(int year, BigDecimal requestedAmount, Map<BudgetLineCode, BigDecimal> lines) {

    public BigDecimal total(BudgetLineCode.Side side) {
        return lines.entrySet().stream().filter(e -> e.getKey().side() == side).map(Map.Entry::getValue)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public BigDecimal line(BudgetLineCode code) {
        return lines.getOrDefault(code, BigDecimal.ZERO);
    }

    public static Map<BudgetLineCode, BigDecimal> emptyLines() {
        return new EnumMap<>(BudgetLineCode.class);
    }
}
