package fr.agir.payment.credit;

import fr.agir.shared.Money;
import fr.agir.shared.StateConflictException;
import java.math.BigDecimal;

/**
 * The credits' arithmetic, kept apart so that it is tested alone: what is available on a credit, whether an
 * amount fits, whether a credit may be lowered. Amounts are euros at scale 2; one cent over is refused.
 */
public final class CreditArithmetic {
    private CreditArithmetic() {
    }

    /** Voted minus used; negative when a credit was over-used (never by Agir, but a figure is a figure). */
    public static BigDecimal available(BigDecimal voted, BigDecimal used) {
        return nz(voted).subtract(nz(used)).setScale(2);
    }

    /** True when {@code asked} fits in what {@code voted} leaves after {@code usedByOthers}. */
    public static boolean fits(BigDecimal voted, BigDecimal usedByOthers, BigDecimal asked) {
        return nz(asked).compareTo(available(voted, usedByOthers)) <= 0;
    }

    /**
     * Refuses {@code asked} beyond the credit with the figures: "AE disponible 12 000,00 €, engagement
     * 15 000,00 €". {@code what} names the credit ("Autorisation d'engagement insuffisante (…)"),
     * {@code availableLabel} and {@code askedLabel} the figures ("AE disponible", "engagement").
     */
    public static void check(String what, String availableLabel, String askedLabel, BigDecimal voted,
                             BigDecimal usedByOthers, BigDecimal asked, String whatToDo) {
        if (!fits(voted, usedByOthers, asked)) {
            throw new StateConflictException(what + " : " + availableLabel + " " + Money.format(
                    available(voted, usedByOthers)) + ", " + askedLabel + " " + Money.format(nz(asked).setScale(2))
                    + ". " + whatToDo);
        }
    }

    /** A credit is never set below what is already used on it. */
    public static void checkNotBelowUsed(String what, BigDecimal newAmount, BigDecimal used, String usedLabel) {
        if (newAmount.compareTo(nz(used)) < 0) {
            throw new StateConflictException(what + " ne peut pas descendre à " + Money.format(newAmount.setScale(2))
                    + " : " + usedLabel + " " + Money.format(nz(used).setScale(2)) + " déjà. Saisissez au moins ce montant.");
        }
    }

    /** The share of {@code part} in {@code whole}, 0 to 100, for the chart (0 when nothing is voted). */
    public static int percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() <= 0 || part == null || part.signum() <= 0) {
            return 0;
        }
        int p = part.multiply(BigDecimal.valueOf(100)).divide(whole, 0, java.math.RoundingMode.HALF_UP).intValue();
        return Math.max(0, Math.min(100, p));
    }

    private static BigDecimal nz(BigDecimal amount) {
        return amount == null ? Money.ZERO : amount;
    }
}
