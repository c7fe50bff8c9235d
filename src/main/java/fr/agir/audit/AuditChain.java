package fr.agir.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The tamper-evident chain of the audit trail. Audited transactions insert their events unsealed and
 * never wait for one another; this sealer, every few seconds on each node, takes the chain's head
 * (the one row of audit_chain, SELECT … FOR UPDATE: the nodes sharing the database seal one after
 * the other) and seals the committed unsealed events in id order: position, previous hash, hash
 * ({@link AuditCanonical}). {@link #verify} walks the chain in chunks and reports its first broken link.
 */
@Service
public class AuditChain {
    static final int CHUNK = 500;
    private static final Logger log = LoggerFactory.getLogger(AuditChain.class);
    private static final String COLUMNS = "id, occurred_at, actor, entity_type, entity_id, application_id, action, "
            + "from_state, to_state, reason, chain_position, previous_hash, hash";
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    public AuditChain(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** The chain's head: its last position and hash. */
    public record Head(long position, String hash) {
    }

    /** The first link that does not hold: the event where the walk stopped, its position and why (in French). */
    public record BrokenLink(Long eventId, Long position, String reason) {
    }

    /** A verification: how many events are sealed, the head, and the first broken link (null: the chain holds). */
    public record Verification(boolean intact, long sealedEvents, long unsealedEvents, long headPosition,
                               String headHash, BrokenLink firstBrokenLink, Instant verifiedAt) {
    }

    @Scheduled(fixedDelayString = "${agir.audit.seal-interval:PT5S}", initialDelayString = "${agir.audit.seal-interval:PT5S}")
    void sealPeriodically() {
        try {
            seal();
        } catch (RuntimeException e) {
            // The database may be away for a while: the events wait, unsealed, for the next pass.
            log.warn("Audit chain not sealed this time: {}", e.getMessage());
        }
    }

    /** Seals every committed unsealed event, a chunk per transaction; returns how many it sealed. */
    public int seal() {
        int total = 0;
        while (true) {
            Integer sealed = transactions.execute(status -> sealChunk());
            total += sealed == null ? 0 : sealed;
            if (sealed == null || sealed < CHUNK) {
                return total;
            }
        }
    }

    private int sealChunk() {
        Head head = lockHead();
        List<Row> rows = jdbc.query("select " + COLUMNS + " from audit_event where chain_position is null "
                + "order by id limit " + CHUNK, AuditChain::row);
        long position = head.position();
        String previous = head.hash();
        for (Row row : rows) {
            position++;
            String hash = AuditCanonical.hash(previous, row.content());
            jdbc.update("update audit_event set chain_position = ?, previous_hash = ?, hash = ? where id = ? "
                    + "and chain_position is null", position, previous, hash, row.content().id());
            previous = hash;
        }
        if (!rows.isEmpty()) {
            jdbc.update("update audit_chain set head_position = ?, head_hash = ?, sealed_at = ? where id = 1",
                    position, previous, LocalDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC));
        }
        return rows.size();
    }

    /** The head, locked until the end of the caller's transaction. */
    Head lockHead() {
        return jdbc.queryForObject("select head_position, head_hash from audit_chain where id = 1 for update",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    /** The head as it stands (not locked). */
    public Head head() {
        return jdbc.queryForObject("select head_position, head_hash from audit_chain where id = 1",
                (rs, n) -> new Head(rs.getLong(1), rs.getString(2)));
    }

    /**
     * Seals what is waiting, then walks the chain from its first position, a chunk at a time: each
     * event must follow the previous position, carry the previous event's hash, and hash to what it
     * holds; the last one must be the head.
     */
    public Verification verify() {
        seal();
        Head head = head();
        long expected = 1;
        String previous = AuditCanonical.GENESIS;
        long sealed = 0;
        BrokenLink broken = null;
        Long lastId = null;
        walk:
        while (true) {
            List<Row> rows = jdbc.query("select " + COLUMNS + " from audit_event where chain_position >= ? "
                    + "order by chain_position limit " + CHUNK, AuditChain::row, expected);
            for (Row row : rows) {
                long id = row.content().id();
                if (row.position() > head.position()) {
                    broken = new BrokenLink(id, row.position(), "Position " + row.position()
                            + " au-delà de la tête de la chaîne (" + head.position() + ") : événement ajouté hors du scellement");
                    break walk;
                }
                if (row.position() != expected) {
                    broken = new BrokenLink(id, row.position(), "Position " + expected
                            + (row.position() - expected > 1 ? " à " + (row.position() - 1) : "")
                            + " manquante avant cet événement : événement supprimé");
                    break walk;
                }
                if (!previous.equals(row.previousHash())) {
                    broken = new BrokenLink(id, row.position(),
                            "Empreinte précédente différente de celle de l'événement qui le précède");
                    break walk;
                }
                String hash = AuditCanonical.hash(previous, row.content());
                if (!hash.equals(row.hash())) {
                    broken = new BrokenLink(id, row.position(), "Contenu modifié : son empreinte ne correspond plus");
                    break walk;
                }
                previous = hash;
                lastId = id;
                sealed++;
                expected++;
            }
            if (rows.size() < CHUNK) {
                break;
            }
        }
        if (broken == null && (expected - 1 != head.position() || !previous.equals(head.hash()))) {
            broken = new BrokenLink(lastId, expected - 1, "La chaîne s'arrête à la position " + (expected - 1)
                    + " alors que sa tête est à la position " + head.position() + " : derniers événements supprimés");
        }
        Long unsealed = jdbc.queryForObject("select count(*) from audit_event where chain_position is null", Long.class);
        if (broken != null) {
            log.error("Audit chain broken at event {} (position {}): {}", broken.eventId(), broken.position(),
                    broken.reason());
        }
        return new Verification(broken == null, sealed, unsealed == null ? 0 : unsealed, head.position(), head.hash(),
                broken, Instant.now(clock));
    }

    private record Row(AuditCanonical.Content content, Long position, String previousHash, String hash) {
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(new AuditCanonical.Content(rs.getLong("id"), rs.getObject("occurred_at", LocalDateTime.class),
                rs.getString("actor"), rs.getString("entity_type"), rs.getObject("entity_id", Long.class),
                rs.getObject("application_id", Long.class), rs.getString("action"), rs.getString("from_state"),
                rs.getString("to_state"), rs.getString("reason")),
                rs.getObject("chain_position", Long.class), rs.getString("previous_hash"), rs.getString("hash"));
    }

    /** Counts for the digest: events of [from, to) in UTC. */
    long countBetween(LocalDateTime fromUtc, LocalDateTime toUtc) {
        Long n = jdbc.queryForObject("select count(*) from audit_event where occurred_at >= ? and occurred_at < ?",
                Long.class, fromUtc, toUtc);
        return n == null ? 0 : n;
    }
}
