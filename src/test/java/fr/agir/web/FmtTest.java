package fr.agir.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class FmtTest {
    /** 30 November 2026, 00:30 in Paris (still the 29th in UTC): the day in Paris counts. */
    private final Fmt fmt = new Fmt(Clock.fixed(Instant.parse("2026-11-29T23:30:00Z"), ZoneId.of("UTC")));

    @Test
    void amountsReadAsFrenchReadersWriteThem() {
        assertThat(fmt.money(new BigDecimal("12500"))).isEqualTo("12 500,00 €");
        assertThat(fmt.money(new BigDecimal("9600.5"))).isEqualTo("9 600,50 €");
        assertThat(fmt.money(null)).isEqualTo("—");
        assertThat(fmt.number(new BigDecimal("14.67"))).isEqualTo("14,67");
    }

    @Test
    void datesAreWrittenInWordsInParis() {
        assertThat(fmt.date(LocalDate.of(2026, 12, 14))).isEqualTo("14 décembre 2026");
        assertThat(fmt.date(Instant.parse("2026-12-13T23:30:00Z"))).as("already the 14th in Paris")
                .isEqualTo("14 décembre 2026");
        assertThat(fmt.dateTime(Instant.parse("2026-07-01T07:45:00Z"))).isEqualTo("1 juillet 2026 à 09h45");
        assertThat(fmt.date(null)).isEqualTo("—");
        assertThat(fmt.iso(LocalDate.of(2026, 12, 14))).isEqualTo("2026-12-14");
    }

    @Test
    void deadlinesAreCountedFromTodayInParis() {
        assertThat(fmt.fromToday(LocalDate.of(2026, 11, 30))).as("Paris is already on the 30th").isEqualTo("aujourd'hui");
        assertThat(fmt.fromToday(LocalDate.of(2026, 12, 1))).isEqualTo("demain");
        assertThat(fmt.fromToday(LocalDate.of(2026, 12, 15))).isEqualTo("dans 15 jours");
        assertThat(fmt.fromToday(LocalDate.of(2026, 11, 27))).isEqualTo("il y a 3 jours");
        assertThat(fmt.overdue(LocalDate.of(2026, 11, 29))).isTrue();
        assertThat(fmt.overdue(LocalDate.of(2026, 11, 30))).isFalse();
    }

    @Test
    void frenchPluralsTakeTheSingularForZeroAndOne() {
        assertThat(fmt.count(0, "tâche")).isEqualTo("0 tâche");
        assertThat(fmt.count(1, "tâche")).isEqualTo("1 tâche");
        assertThat(fmt.count(2, "tâche")).isEqualTo("2 tâches");
        assertThat(fmt.count(2, "an", "ans")).isEqualTo("2 ans");
        assertThat(fmt.count(3, "critère")).isEqualTo("3 critères");
    }

    @Test
    void amountsAreTypedWithFrenchSeparators() {
        assertThat(FormErrors.decimal("1 500")).isEqualByComparingTo("1500");
        assertThat(FormErrors.decimal("1\u00a0500,50")).isEqualByComparingTo("1500.50");
        assertThat(FormErrors.decimal("1\u202f500")).isEqualByComparingTo("1500");
        assertThat(FormErrors.decimal("1500.5")).isEqualByComparingTo("1500.5");
        assertThat(FormErrors.decimal("  ")).isNull();
        assertThatThrownBy(() -> FormErrors.decimal("mille")).isInstanceOf(NumberFormatException.class);
    }
}
