package fr.agir.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Euros as BigDecimal with two decimals; never floating point. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    /** Normalises to scale 2; refuses negative amounts and fractions of a cent. */
    public static BigDecimal euros(BigDecimal amount, String field) {
        if (amount == null) {
            return null;
        }
        if (amount.signum() < 0) {
            throw new InvalidInputException("Le montant ne peut pas être négatif.", java.util.Map.of(field, "Montant négatif"));
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            throw new InvalidInputException("Un montant a au plus deux décimales (centimes).",
                    java.util.Map.of(field, "Au plus deux décimales"));
        }
        return amount.setScale(2, RoundingMode.UNNECESSARY);
    }

    /** "12 345,67 €", as printed on letters and agreements. */
    public static String format(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.FRANCE);
        return format.format(amount).replace('\u202f', ' ').replace('\u00a0', ' ');
    }
}
