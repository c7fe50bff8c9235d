package fr.agir.reporting;

import fr.agir.application.BudgetLineCode;
import fr.agir.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules of the financial report (Cerfa 15059*02) as pure functions: gap of each line in euros and in
 * percent of the forecast, the lines whose gap exceeds the threshold (an explanation is then required), the
 * balance of actual charges and products, amounts neither negative nor with more than two decimals. Errors
 * are keyed by the form's data path ({@code l64.actual}, {@code l64.explanation}, {@code balance}…) with a
 * French message, as the portal shows them next to their fields.
 */
public final class ReportRules {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ReportRules() {
    }

    /** One line of the table: forecast (from the application), actual, what the gap is. */
    public record Line(BudgetLineCode code, BigDecimal forecast, BigDecimal actual, String explanation) {
        public BigDecimal gap() {
            return actual == null ? null : actual.subtract(forecast);
        }

        /** The gap in percent of the forecast, one decimal; null when there is no forecast (or no actual). */
        public BigDecimal gapPercent() {
            if (actual == null || forecast.signum() == 0) {
                return null;
            }
            return gap().multiply(HUNDRED).divide(forecast, 1, RoundingMode.HALF_UP);
        }

        /**
         * Above the threshold (a fraction, 0.15 = 15 %): |gap| &gt; threshold × forecast; with no forecast, any
         * actual amount is a gap to explain.
         */
        public boolean exceeds(BigDecimal threshold) {
            if (actual == null) {
                return false;
            }
            if (forecast.signum() == 0) {
                return actual.signum() != 0;
            }
            return gap().abs().compareTo(forecast.abs().multiply(threshold)) > 0;
        }

        public String key() {
            return formKey(code);
        }
    }

    /** The form's group of a line: {@code l74_departement} for "74-DEPARTEMENT" (as in application.form). */
    public static String formKey(BudgetLineCode code) {
        return "l" + code.code().toLowerCase().replace('-', '_');
    }

    public static BigDecimal total(List<Line> lines, BudgetLineCode.Side side, boolean actual) {
        return lines.stream().filter(l -> l.code().side() == side)
                .map(l -> actual ? (l.actual() == null ? BigDecimal.ZERO : l.actual()) : l.forecast())
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** The lines whose gap needs explaining. */
    public static List<Line> aboveThreshold(List<Line> lines, BigDecimal threshold) {
        return lines.stream().filter(l -> l.exceeds(threshold)).toList();
    }

    /**
     * Everything a submitted report must satisfy; empty when it can be sent. {@code departementGrant} is the
     * 74-Département line's actual (the grant received): the unspent part cannot exceed it.
     */
    public static Map<String, String> check(List<Line> lines, BigDecimal threshold, BigDecimal unspent,
                                            String grantUse) {
        Map<String, String> errors = new LinkedHashMap<>();
        List<Line> checked = new ArrayList<>();
        for (Line line : lines) {
            String key = line.key();
            if (line.actual() == null) {
                errors.put(key + ".actual", "Indiquez le montant réalisé (0 s'il n'y a rien eu)");
            } else if (line.actual().signum() < 0) {
                errors.put(key + ".actual", "Le montant réalisé ne peut pas être négatif");
            } else if (line.actual().stripTrailingZeros().scale() > 2) {
                errors.put(key + ".actual", "Au plus deux décimales");
            } else {
                checked.add(line);
                if (line.exceeds(threshold) && (line.explanation() == null || line.explanation().isBlank())) {
                    errors.put(key + ".explanation", "Écart de " + describeGap(line) + " au-delà de "
                            + percent(threshold) + " : expliquez-le");
                }
            }
            if (line.explanation() != null && line.explanation().length() > 2000) {
                errors.put(key + ".explanation", "Au plus 2000 caractères");
            }
        }
        if (checked.size() == lines.size()) {
            BigDecimal charges = total(lines, BudgetLineCode.Side.CHARGE, true);
            BigDecimal products = total(lines, BudgetLineCode.Side.PRODUCT, true);
            if (charges.compareTo(products) != 0) {
                errors.put("balance", "Compte-rendu déséquilibré : total des charges réalisées "
                        + Money.format(charges) + " ≠ total des produits réalisés " + Money.format(products));
            }
            BigDecimal c86 = actualOf(lines, BudgetLineCode.C86);
            BigDecimal p87 = actualOf(lines, BudgetLineCode.P87);
            if (c86.compareTo(p87) != 0) {
                errors.put(formKey(BudgetLineCode.C86) + ".actual", "Les emplois (86) et les ressources (87) des "
                        + "contributions volontaires doivent être égaux");
            }
        }
        if (unspent == null) {
            errors.put("unspent", "Indiquez la part non employée de la subvention (0 si tout a été employé)");
        } else if (unspent.signum() < 0) {
            errors.put("unspent", "Le montant non employé ne peut pas être négatif");
        } else if (unspent.stripTrailingZeros().scale() > 2) {
            errors.put("unspent", "Au plus deux décimales");
        } else {
            BigDecimal grant = actualOf(lines, BudgetLineCode.P74_DEPARTEMENT);
            if (unspent.compareTo(grant) > 0) {
                errors.put("unspent", "La part non employée (" + Money.format(unspent)
                        + ") ne peut dépasser la subvention du Département reçue (" + Money.format(grant) + ")");
            }
        }
        if (grantUse == null || grantUse.isBlank()) {
            errors.put("grantUse", "Dites à quoi la subvention du Département a servi");
        }
        return errors;
    }

    /** The Département's grant actually used: the 74-Département line's actual minus the unspent part. */
    public static BigDecimal spentGrant(List<Line> lines, BigDecimal unspent) {
        BigDecimal grant = actualOf(lines, BudgetLineCode.P74_DEPARTEMENT);
        return grant.subtract(unspent == null ? BigDecimal.ZERO : unspent).max(BigDecimal.ZERO);
    }

    /** The recovery the review proposes: the unspent part, at most what was paid for the year. */
    public static BigDecimal proposedRecovery(BigDecimal unspent, BigDecimal paid) {
        if (unspent == null || unspent.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return unspent.min(paid == null ? unspent : paid).setScale(2, RoundingMode.HALF_UP);
    }

    /** "+1 200,00 € (+40,0 %)" or "+500,00 € (non prévu)". */
    public static String describeGap(Line line) {
        BigDecimal gap = line.gap();
        if (gap == null) {
            return "—";
        }
        String euros = (gap.signum() > 0 ? "+" : "") + Money.format(gap);
        BigDecimal pct = line.gapPercent();
        if (pct == null && gap.signum() == 0) {
            return euros; // nothing forecast, nothing spent
        }
        return euros + (pct == null ? " (non prévu)" : " (" + (pct.signum() > 0 ? "+" : "")
                + pct.toPlainString().replace('.', ',') + PERCENT + ")");
    }

    /** French typography: a narrow no-break space before « % » (« 12,5 % »), so that the sign never wraps alone. */
    static final String PERCENT = "\u202f%";

    static String percent(BigDecimal fraction) {
        return fraction.multiply(HUNDRED).stripTrailingZeros().toPlainString().replace('.', ',') + PERCENT;
    }

    private static BigDecimal actualOf(List<Line> lines, BudgetLineCode code) {
        return lines.stream().filter(l -> l.code() == code && l.actual() != null).map(Line::actual).findFirst()
                .orElse(BigDecimal.ZERO);
    }
}
