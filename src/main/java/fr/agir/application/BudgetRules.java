package fr.agir.application;

import fr.agir.shared.Money;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the budget prévisionnel, as pure functions: balanced, contributions in kind
 * matched, the Département line equal to the amount requested. Errors are keyed by field path
 * (e.g. {@code budgets[1].lines.74-DEPARTEMENT}) with a French message.
 */
public final class BudgetRules {
    private BudgetRules() {
    }

    public static Map<String, String> check(int durationYears, List<YearBudget> budgets) {
        Map<String, String> errors = new LinkedHashMap<>();
        for (int year = 1; year <= durationYears; year++) {
            final int y = year;
            YearBudget budget = budgets.stream().filter(b -> b.year() == y).findFirst().orElse(null);
            String prefix = "budgets[" + year + "]";
            if (budget == null) {
                errors.put(prefix, "Le budget prévisionnel de l'année " + year + " est manquant");
                continue;
            }
            budget.lines().forEach((code, amount) -> {
                if (amount == null || amount.signum() < 0) {
                    errors.put(prefix + ".lines." + code.code(), "Montant négatif ou vide");
                } else if (amount.stripTrailingZeros().scale() > 2) {
                    errors.put(prefix + ".lines." + code.code(), "Au plus deux décimales");
                }
            });
            BigDecimal requested = budget.requestedAmount();
            if (requested == null || requested.signum() <= 0) {
                errors.put(prefix + ".requestedAmount", "Indiquez le montant demandé au Département pour l'année " + year);
            } else if (budget.line(BudgetLineCode.P74_DEPARTEMENT).compareTo(requested) != 0) {
                errors.put(prefix + ".lines.74-DEPARTEMENT", "La ligne 74 « Département » ("
                        + Money.format(budget.line(BudgetLineCode.P74_DEPARTEMENT))
                        + ") doit être égale au montant demandé (" + Money.format(requested) + ")");
            }
            if (budget.line(BudgetLineCode.C86).compareTo(budget.line(BudgetLineCode.P87)) != 0) {
                errors.put(prefix + ".lines.86", "Les emplois (86) et les ressources (87) des contributions "
                        + "volontaires doivent être égaux");
            }
            BigDecimal charges = budget.total(BudgetLineCode.Side.CHARGE);
            BigDecimal products = budget.total(BudgetLineCode.Side.PRODUCT);
            if (charges.compareTo(products) != 0) {
                errors.put(prefix + ".balance", "Budget déséquilibré : total des charges " + Money.format(charges)
                        + " ≠ total des produits " + Money.format(products));
            }
            if (charges.signum() == 0) {
                errors.put(prefix + ".lines", "Le budget prévisionnel de l'année " + year + " est vide");
            }
        }
        budgets.stream().filter(b -> b.year() < 1 || b.year() > durationYears).forEach(b ->
                errors.put("budgets[" + b.year() + "]", "Année hors de la durée demandée (" + durationYears + (durationYears > 1 ? " ans)" : " an)")));
        return errors;
    }
}
