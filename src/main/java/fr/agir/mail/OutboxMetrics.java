package fr.agir.mail;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import fr.agir.shared.KeptReading;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog for Prometheus: {@code agir_mail_outbox{status="PENDING"}} (waiting for a first
 * try or a retry: it grows during an SMTP outage and drains after it) and {@code status="FAILED"}
 * (given up after the last attempt: someone must look), and the age of the oldest waiting message.
 */
@Component
class OutboxMetrics implements MeterBinder {
    private static final Duration KEPT = Duration.ofSeconds(5);

    private record Backlog(long pending, long failed, long oldestPendingSeconds) {
    }

    private final JdbcTemplate jdbc;
    private final KeptReading<Backlog> backlog;

    OutboxMetrics(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.backlog = new KeptReading<>(KEPT, clock, this::read);
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("agir.mail.outbox", this, m -> m.backlog.get().pending()).tag("status", MailStatus.PENDING.name())
                .description("Courriels en attente d'envoi").register(registry);
        Gauge.builder("agir.mail.outbox", this, m -> m.backlog.get().failed()).tag("status", MailStatus.FAILED.name())
                .description("Courriels abandonnés après la dernière tentative").register(registry);
        Gauge.builder("agir.mail.outbox.oldest.pending", this, m -> m.backlog.get().oldestPendingSeconds())
                .baseUnit("seconds").description("Âge du plus ancien courriel en attente").register(registry);
    }

    private Backlog read(Instant now) {
        // created_at holds UTC (hibernate.jdbc.time_zone): read as a local date-time, placed in UTC.
        return jdbc.queryForObject("SELECT "
                + "SUM(CASE WHEN status = 'PENDING' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN status = 'FAILED' THEN 1 ELSE 0 END), "
                + "MIN(CASE WHEN status = 'PENDING' THEN created_at END) FROM mail_message "
                + "WHERE status IN ('PENDING', 'FAILED')", (rs, i) -> {
                    LocalDateTime oldest = rs.getObject(3, LocalDateTime.class);
                    long age = oldest == null ? 0
                            : Math.max(0, Duration.between(oldest.toInstant(ZoneOffset.UTC), now).toSeconds());
                    return new Backlog(rs.getLong(1), rs.getLong(2), age);
                });
    }
}
