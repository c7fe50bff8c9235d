package fr.agir.instruction;

import fr.agir.application.BudgetLineCode;
import fr.agir.application.YearBudget;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One year's budget prévisionnel as the back office reads it (reviewers and jurors): the lines filled
 * in with their account and French label ("74 — Subvention : Département"), never the stored codes,
 * charges apart from produits, their totals and the amount asked of the Département.
 */
public record BudgetView(int year, List<Line> charges, List<Line> products, BigDecimal totalCharges,
                         BigDecimal totalProducts, BigDecimal requested) {

    /** A budget line: its account ("74") and label ("Subvention : Département (montant demandé)"). */
    public record Line(String account, String label, BigDecimal amount) {
    }

    public boolean balanced() {
        return totalCharges.compareTo(totalProducts) == 0;
    }

    public static List<BudgetView> of(List<YearBudget> budgets) {
        return budgets.stream().map(BudgetView::of).toList();
    }

    static BudgetView of(YearBudget b) {
        return new BudgetView(b.year(), lines(b, BudgetLineCode.Side.CHARGE), lines(b, BudgetLineCode.Side.PRODUCT),
                b.total(BudgetLineCode.Side.CHARGE), b.total(BudgetLineCode.Side.PRODUCT), b.requestedAmount());
    }

    private static List<Line> lines(YearBudget b, BudgetLineCode.Side side) {
        return b.lines().entrySet().stream()
                .filter(e -> e.getKey() != null && e.getKey().side() == side)
                .filter(e -> e.getValue() != null && e.getValue().signum() != 0)
                .map(BudgetView::line).toList();
    }

    private static Line line(Map.Entry<BudgetLineCode, BigDecimal> e) {
        String code = e.getKey().code();
        int dash = code.indexOf('-');
        return new Line(dash < 0 ? code : code.substring(0, dash), e.getKey().label(), e.getValue());
    }
}
