package fr.agir.workflow;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.ToLongFunction;
import fr.agir.shared.KeptReading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The engine's jobs for Prometheus ({@code agir_jobs{state=…}}): {@code due} waits for a node to take
 * it (a growing number means the job executors do not keep up or are stopped), {@code locked} is being
 * run or held by a node (one that died keeps it until the lock time passes), {@code failed} has no
 * retry left (an incident for an administrator). One query per scrape, kept a few seconds.
 */
@Component
class JobMetrics implements MeterBinder {
    private static final Duration KEPT = Duration.ofSeconds(5);

    private record Counts(long due, long locked, long failed) {
    }

    private final JdbcTemplate jdbc;
    private final KeptReading<Counts> counts;

    JobMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.counts = new KeptReading<>(KEPT, clock, this::read);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        gauge(registry, "due", "Jobs dus qu'aucun nœud n'a encore pris", Counts::due);
        gauge(registry, "locked", "Jobs pris par un nœud (en cours ou verrouillés)", Counts::locked);
        gauge(registry, "failed", "Jobs sans nouvelle tentative (incidents)", Counts::failed);
    }

    private void gauge(MeterRegistry registry, String state, String description, ToLongFunction<Counts> value) {
        Gauge.builder("agir.jobs", this, m -> value.applyAsLong(m.counts.get())).tag("state", state)
                .description(description).register(registry);
    }

    private Counts read(Instant now) {
        Timestamp at = Timestamp.from(now);
        return jdbc.queryForObject("SELECT "
                + "SUM(CASE WHEN RETRIES_ > 0 AND SUSPENSION_STATE_ = 1 AND (DUEDATE_ IS NULL OR DUEDATE_ <= ?) "
                + "AND (LOCK_EXP_TIME_ IS NULL OR LOCK_EXP_TIME_ <= ?) THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN LOCK_EXP_TIME_ > ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN RETRIES_ = 0 THEN 1 ELSE 0 END) FROM ACT_RU_JOB",
                (rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)), at, at, at);
    }
}
