package fr.agir.web;

import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.TimeConfig;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * How pages show amounts, dates and counts, called from templates as {@code ${@fmt.money(amount)}}:
 * "12 500,00 €", "14 décembre 2026", "3 tâches". One place, so every page reads the same.
 */
@Component("fmt")
public class Fmt {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH'h'mm", Locale.FRENCH);

    private final Clock clock;

    public Fmt(Clock clock) {
        this.clock = clock;
    }

    /** "12 500,00 €"; "—" when absent. */
    public String money(BigDecimal amount) {
        return amount == null ? "—" : Money.format(amount);
    }

    /** "14,67", "2"; "—" when absent. */
    public String number(BigDecimal value) {
        return value == null ? "—" : French.number(value);
    }

    /** "14 décembre 2026" for a date, an instant (in Paris), a {@link Date} or a date-time; "—" when absent. */
    public String date(Object value) {
        LocalDate day = day(value);
        return day == null ? "—" : day.format(DAY);
    }

    /** "14 décembre 2026 à 09h45", in Paris; "—" when absent. */
    public String dateTime(Object value) {
        ZonedDateTime at = zoned(value);
        return at == null ? "—" : at.format(DAY) + " à " + at.format(TIME);
    }

    /** The ISO day, for {@code <time datetime>}. */
    public String iso(Object value) {
        LocalDate day = day(value);
        return day == null ? "" : day.toString();
    }

    /** "aujourd'hui", "demain", "dans 12 jours", "hier", "il y a 3 jours" from today in Paris. */
    public String fromToday(Object value) {
        LocalDate day = day(value);
        if (day == null) {
            return "";
        }
        long days = ChronoUnit.DAYS.between(LocalDate.now(clock.withZone(TimeConfig.PARIS)), day);
        if (days == 0) {
            return "aujourd'hui";
        }
        if (days == 1) {
            return "demain";
        }
        if (days == -1) {
            return "hier";
        }
        return days > 0 ? "dans " + days + " jours" : "il y a " + -days + " jours";
    }

    /** True when the day is before today in Paris. */
    public boolean overdue(Object value) {
        LocalDate day = day(value);
        return day != null && day.isBefore(LocalDate.now(clock.withZone(TimeConfig.PARIS)));
    }

    /** French plural: "0 tâche", "1 tâche", "2 tâches" (French takes the singular for 0 and 1). */
    public String count(long n, String singular, String plural) {
        return n + " " + (n > 1 || n < -1 ? plural : singular);
    }

    /** {@link #count} with the plural made by adding "s". */
    public String count(long n, String singular) {
        return count(n, singular, singular + "s");
    }

    /** The word alone, agreed with n. */
    public String plural(long n, String singular, String plural) {
        return n > 1 || n < -1 ? plural : singular;
    }

    private static LocalDate day(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        ZonedDateTime at = zoned(value);
        return at == null ? null : at.toLocalDate();
    }

    private static ZonedDateTime zoned(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i.atZone(TimeConfig.PARIS);
        }
        if (value instanceof Date d) {
            return d.toInstant().atZone(TimeConfig.PARIS);
        }
        if (value instanceof LocalDateTime t) {
            return t.atZone(TimeConfig.PARIS);
        }
        if (value instanceof ZonedDateTime z) {
            return z.withZoneSameInstant(TimeConfig.PARIS);
        }
        if (value instanceof LocalDate d) {
            return d.atStartOfDay(TimeConfig.PARIS);
        }
        throw new IllegalArgumentException("Not a date: " + value.getClass());
    }
}
