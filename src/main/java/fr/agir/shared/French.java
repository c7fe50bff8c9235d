package fr.agir.shared;

import java.math.BigDecimal;
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

    /** "année 1 : 18 000,00 € ; année 2 : 15 000,00 €". */
    public static String amountsByYear(Map<Integer, BigDecimal> byYear) {
        return byYear.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "année " + e.getKey() + " : " + Money.format(e.getValue()))
                .collect(Collectors.joining(" ; "));
    }
}
