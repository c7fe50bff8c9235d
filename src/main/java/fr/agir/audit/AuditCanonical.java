package fr.agir.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The canonical content of an audit event and its chained hash. Stable and documented, so that the
 * chain can be checked by any tool, not only by Agir:
 *
 * <pre>
 * canonical = "agir-audit-v1" then, for each field in this order, "|" + field:
 *             id, occurred_at, actor, entity_type, entity_id, application_id, action, from_state,
 *             to_state, reason
 * field     = "-" when null, else its UTF-8 byte length, ":" and the value
 *             (occurred_at as stored, UTC, "yyyy-MM-ddTHH:mm:ss.SSSSSSZ"; numbers in decimal)
 * hash      = lower-case hex SHA-256 of the UTF-8 bytes of previous_hash + "\n" + canonical
 *             (previous_hash of the first event: 64 zeros)
 * </pre>
 *
 * The length prefix makes the encoding unambiguous whatever a reason contains (a "|", a new line).
 */
public final class AuditCanonical {
    public static final String GENESIS = "0".repeat(64);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");

    private AuditCanonical() {
    }

    /** The fields of one stored event, as read from audit_event. */
    public record Content(long id, LocalDateTime occurredAtUtc, String actor, String entityType, Long entityId,
                          Long applicationId, String action, String fromState, String toState, String reason) {
    }

    public static String canonical(Content c) {
        StringBuilder s = new StringBuilder("agir-audit-v1");
        for (String field : new String[] {String.valueOf(c.id()), TIME.format(c.occurredAtUtc()), c.actor(),
                c.entityType(), c.entityId() == null ? null : String.valueOf(c.entityId()),
                c.applicationId() == null ? null : String.valueOf(c.applicationId()), c.action(), c.fromState(),
                c.toState(), c.reason()}) {
            s.append('|');
            if (field == null) {
                s.append('-');
            } else {
                s.append(field.getBytes(StandardCharsets.UTF_8).length).append(':').append(field);
            }
        }
        return s.toString();
    }

    public static String hash(String previousHash, Content c) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((previousHash + "\n" + canonical(c))
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
