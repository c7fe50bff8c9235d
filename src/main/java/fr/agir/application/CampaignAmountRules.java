package fr.agir.application;

import fr.agir.shared.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The campaign's minimum and maximum amount requested per year, checked at submission. */
final class CampaignAmountRules {
    private CampaignAmountRules() {
    }

    static Map<String, String> check(BigDecimal min, BigDecimal max, List<YearBudget> budgets) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (YearBudget budget : budgets) {
            BigDecimal requested = budget.requestedAmount();
            if (requested == null || requested.signum() <= 0) {
                continue; // BudgetRules says it is missing
            }
            String field = "budgets[" + budget.year() + "].requestedAmount";
            if (min != null && requested.compareTo(min) < 0) {
                errors.put(field, "Le montant demandé pour l'année " + budget.year() + " (" + Money.format(requested)
                        + ") est inférieur au minimum de cet appel à projets : " + Money.format(min) + " par an");
            } else if (max != null && requested.compareTo(max) > 0) {
                errors.put(field, "Le montant demandé pour l'année " + budget.year() + " (" + Money.format(requested)
                        + ") dépasse le maximum de cet appel à projets : " + Money.format(max) + " par an");
            }
        }
        return errors;
    }
}
