package fr.agir.shared;

import com.ibm.icu.text.RuleBasedNumberFormat;
import com.ibm.icu.util.ULocale;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** How dates and amounts read in messages, letters and the audit trail. */
public final class French {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy 'à' HH'h'mm");

    private French() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    /** "mardi 15 décembre 2026", for letters and e-mails. */
    public static String longDate(LocalDate date) {
        return date == null ? "" : date.format(LONG_DATE);
    }

    /** The day of an instant, in Paris. */
    public static String date(Instant instant) {
        return instant == null ? "" : DATE.format(instant.atZone(TimeConfig.PARIS));
    }

    /** "22/11/2026 à 09h45", in Paris. */
    public static String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(TimeConfig.PARIS));
    }

    /** A decimal as French readers write it: "14,67", "2,50", and "2" for a whole 2.00; "" when absent. */
    public static String number(BigDecimal value) {
        if (value == null) {
            return "";
        }
        BigDecimal shown = value.scale() > 0 && value.stripTrailingZeros().scale() <= 0
                ? value.stripTrailingZeros().setScale(0) : value;
        return shown.toPlainString().replace('.', ',');
    }

    /** "1 an", "2 ans": a number of years as French writes it (the singular for 0 and 1). */
    public static String years(int years) {
        return years + (years > 1 ? " ans" : " an");
    }

    /**
     * An amount in euros written out in words, as letters print it beside the figures: "quinze mille
     * euros", "quatre-vingt-un euros et cinquante centimes", "un million d'euros". ICU's French
     * spellout rules, which hyphenate as the 1990 spelling does ("vingt-et-un", "deux cents", "deux cent un").
     */
    public static String euros(BigDecimal amount) {
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        long whole = cents.longValue();
        int centimes = cents.subtract(BigDecimal.valueOf(whole)).movePointRight(2).intValue();
        String words = spellOut(whole) + (whole >= 1_000_000 && whole % 1_000_000 == 0 ? " d'euros"
                : whole > 1 ? " euros" : " euro");
        if (centimes > 0) {
            words += " et " + spellOut(centimes) + (centimes > 1 ? " centimes" : " centime");
        }
        return words;
    }

    /** "15 000 € (quinze mille euros)": the figures and the words, as in a letter. */
    public static String eurosInFiguresAndWords(BigDecimal amount) {
        return Money.format(amount) + " (" + euros(amount) + ")";
    }

    private static String spellOut(long number) {
        // A new formatter each time: ICU formatters are not thread-safe, and this is not a hot path.
        return new RuleBasedNumberFormat(ULocale.FRENCH, RuleBasedNumberFormat.SPELLOUT).format(number);
    }

    /** "année 1 : 18 000,00 € ; année 2 : 15 000,00 €". */
    public static String amountsByYear(Map<Integer, BigDecimal> byYear) {
        return byYear.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "année " + e.getKey() + " : " + Money.format(e.getValue()))
                .collect(Collectors.joining(" ; "));
    }
}
