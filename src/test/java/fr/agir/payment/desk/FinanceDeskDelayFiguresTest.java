package fr.agir.payment.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import fr.agir.shared.MovableClock;
import fr.agir.shared.TimeConfig;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

/** The desk's delay figures kept a minute, on a clock moved by hand. */
class FinanceDeskDelayFiguresTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-30T09:42:00Z"), TimeConfig.PARIS);
    private final NamedParameterJdbcTemplate jdbc = mock(NamedParameterJdbcTemplate.class);
    private final FinanceDesk desk = new FinanceDesk(jdbc, clock);
    /** How many installments the database holds as paid; each query reads it. */
    private final AtomicLong paid = new AtomicLong(3);
    private final AtomicLong queries = new AtomicLong();

    @SuppressWarnings("unchecked")
    private void database() {
        when(jdbc.query(anyString(), any(SqlParameterSource.class), any(RowMapper.class))).thenAnswer(i -> {
            queries.incrementAndGet();
            return List.of(new FinanceDesk.DelayFigure(1L, "Appel à Agir 2026", paid.get(), new BigDecimal("21.0"),
                    new BigDecimal("48.0"), 0));
        });
    }

    @Test
    void theFiguresAreKeptAMinuteThenReadAgain() {
        database();
        assertThat(desk.recentDelayFigures().value().get(0).paid()).isEqualTo(3);
        paid.set(4);
        clock.move(Duration.ofSeconds(59));
        assertThat(desk.recentDelayFigures().value().get(0).paid()).isEqualTo(3);
        assertThat(queries).hasValue(1);
        clock.move(Duration.ofSeconds(1));
        var again = desk.recentDelayFigures();
        assertThat(again.value().get(0).paid()).isEqualTo(4);
        assertThat(again.computedAt()).isEqualTo(Instant.parse("2026-11-30T09:43:00Z"));
        assertThat(queries).hasValue(2);
        assertThat(desk.delayFigures().get(0).paid()).as("the uncached call reads the database").isEqualTo(4);
        assertThat(queries).hasValue(3);
    }
}
