package fr.agir.shared;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.stream.Collectors;

/** How dates and amounts read in messages, letters and the audit trail. */
public final class French {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private French() {
    }

    public static String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    /** "année 1 : 18 000,00 € ; année 2 : 15 000,00 €". */
    public static String amountsByYear(Map<Integer, BigDecimal> byYear) {
        return byYear.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "année " + e.getKey() + " : " + Money.format(e.getValue()))
                .collect(Collectors.joining(" ; "));
    }
}
