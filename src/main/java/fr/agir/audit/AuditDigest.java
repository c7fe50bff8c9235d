package fr.agir.audit;

import fr.agir.shared.TimeConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest of the audit chain: a small text file per day (its date, the chain's position and
 * head hash, how many events the day had) written to {@code agir.audit.digest-dir}, for an
 * administrator to archive elsewhere. Kept outside the database, it lets anyone show later that the
 * chain up to that head has not been rewritten since. One node writes it: the one whose row in
 * audit_digest is inserted, under the chain's lock.
 */
@Service
public class AuditDigest {
    private static final Logger log = LoggerFactory.getLogger(AuditDigest.class);
    private final AuditChain chain;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Path directory;

    public AuditDigest(AuditChain chain, JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock,
                       @Value("${agir.audit.digest-dir:./data/audit-digests}") Path directory) {
        this.chain = chain;
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
        this.directory = directory;
    }

    /** Every night (Paris time), the digest of the day before. */
    @Scheduled(cron = "${agir.audit.digest-cron:0 30 1 * * *}", zone = "Europe/Paris")
    void writeYesterday() {
        try {
            write(LocalDate.now(clock.withZone(TimeConfig.PARIS)).minusDays(1));
        } catch (RuntimeException e) {
            log.error("Audit digest not written: {}", e.getMessage(), e);
        }
    }

    /** The file of a day's digest (whether it exists or not). */
    public Path fileOf(LocalDate day) {
        return directory.resolve("agir-audit-" + day + ".txt");
    }

    /**
     * Seals what waits, then writes the day's digest unless a node already has: empty when another
     * node wrote it (its file is on that node, its row in audit_digest).
     */
    public Optional<Path> write(LocalDate day) {
        chain.seal();
        String text = transactions.execute(status -> {
            AuditChain.Head head = chain.lockHead();
            LocalDateTime from = day.atStartOfDay(TimeConfig.PARIS).toInstant().atOffset(ZoneOffset.UTC).toLocalDateTime();
            LocalDateTime to = day.plusDays(1).atStartOfDay(TimeConfig.PARIS).toInstant().atOffset(ZoneOffset.UTC)
                    .toLocalDateTime();
            long events = chain.countBetween(from, to);
            Instant now = Instant.now(clock);
            Integer written = jdbc.queryForObject("select count(*) from audit_digest where digest_day = ?",
                    Integer.class, day);
            if (written != null && written > 0) {
                return null;
            }
            jdbc.update("insert into audit_digest (digest_day, head_position, head_hash, events_of_day, written_at) "
                    + "values (?, ?, ?, ?, ?)", day, head.position(), head.hash(), events,
                    LocalDateTime.ofInstant(now, ZoneOffset.UTC));
            String digest = "Agir — empreinte quotidienne du journal d'audit\n"
                    + "date: " + day + "\n"
                    + "chain_position: " + head.position() + "\n"
                    + "head_hash: " + head.hash() + "\n"
                    + "events_of_day: " + events + "\n"
                    + "written_at: " + now + "\n"
                    + "algorithm: SHA-256, agir-audit-v1 (docs/ARCHITECTURE.md)\n";
            writeFile(day, digest);
            return digest;
        });
        return text == null ? Optional.empty() : Optional.of(fileOf(day));
    }

    private void writeFile(LocalDate day, String digest) {
        try {
            Files.createDirectories(directory);
            Path temporary = Files.createTempFile(directory, "agir-audit-" + day, ".tmp");
            Files.writeString(temporary, digest, StandardCharsets.UTF_8);
            Files.move(temporary, fileOf(day), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Rolls the row back: the next run (or another node) writes it.
            throw new UncheckedIOException("Écriture de l'empreinte du " + day + " impossible", e);
        }
    }
}
