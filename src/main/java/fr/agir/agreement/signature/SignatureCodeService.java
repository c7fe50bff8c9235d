package fr.agir.agreement.signature;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one-time code sent by e-mail before a signature: with the sign-in and the explicit consent, it
 * shows that the person who signs reads the mailbox Agir knows for him, now. Generic: a document is a
 * key ({@code "AGREEMENT:42"}, {@code "AMENDMENT:7"}: its audit entity type and id) and a label for the
 * e-mail ("la convention CPO-2026-000042").
 *
 * <p>A code has 6 digits (SecureRandom); only a salted SHA-256 is stored. It is valid
 * {@code agir.signature.code-validity} and accepts {@code agir.signature.code-max-attempts} wrong
 * tries; a new code voids the earlier ones; a code is spent by the signature it allowed. A wrong try
 * is counted in its own transaction ({@link SignatureCodeAttempts}), so the refused signature's
 * rollback does not give the try back.
 */
@Service
public class SignatureCodeService {
    static final String EXPIRED = "Ce code a expiré : demandez-en un nouveau.";
    static final String NONE = "Demandez d'abord un code : il vous est envoyé par e-mail.";

    /** A code sent: where (masked, for the page) and until when it is valid. */
    public record Sent(String maskedAddress, Instant expiresAt) {
    }

    private final SignatureCodeRepository codes;
    private final SignatureCodeAttempts attempts;
    private final SignatureProperties properties;
    private final CurrentUser currentUser;
    private final MailOutbox outbox;
    private final MailTemplates mails;
    private final AuditTrail audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public SignatureCodeService(SignatureCodeRepository codes, SignatureCodeAttempts attempts,
                                SignatureProperties properties, CurrentUser currentUser, MailOutbox outbox,
                                MailTemplates mails, AuditTrail audit, Clock clock) {
        this.codes = codes;
        this.attempts = attempts;
        this.properties = properties;
        this.currentUser = currentUser;
        this.outbox = outbox;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    /** {@link #send(String, String, Long)} for a document outside any application. */
    @Transactional
    public Sent send(String documentKey, String documentLabel) {
        return send(documentKey, documentLabel, null);
    }

    /**
     * Sends a new code for {@code documentKey} to the signed-in person's e-mail address (the caller has
     * checked he may sign it); earlier codes for it are void. The audit event is recorded on the document
     * (and in the history of {@code applicationId}, when given).
     */
    @Transactional
    public Sent send(String documentKey, String documentLabel, Long applicationId) {
        String login = currentUser.username();
        String email = currentUser.email().orElseThrow(() -> new StateConflictException(
                "Votre compte n'a pas d'adresse e-mail vérifiée : le code de signature ne peut pas vous être envoyé. "
                        + "Vérifiez votre adresse dans votre compte, puis recommencez."));
        Instant now = Instant.now(clock);
        List<SignatureCode> live = codes.findByDocumentKeyAndLoginAndUsedAtIsNull(documentKey, login);
        Duration delay = properties.getCodeResendDelay();
        if (live.stream().anyMatch(c -> c.getCreatedAt().plus(delay).isAfter(now))) {
            throw new StateConflictException("Un code vient de vous être envoyé : attendez " + seconds(delay)
                    + " avant d'en demander un autre, ou utilisez celui-ci.");
        }
        live.forEach(c -> c.spend(now));
        String code = "%06d".formatted(random.nextInt(1_000_000));
        Instant expiresAt = now.plus(properties.getCodeValidity());
        codes.save(new SignatureCode(documentKey, login, applicationId, hash(code), expiresAt, now));
        outbox.enqueue(mails.mail("signature-code", List.of(email), Map.of("code", code, "document", documentLabel,
                "validity", minutes(properties.getCodeValidity()), "expiresAt", expiresAt)));
        String masked = mask(email);
        audit.record(entityType(documentKey), entityId(documentKey), applicationId, AuditAction.SIGNATURE_CODE_SENT,
                null, null, "Code de signature envoyé à " + masked);
        return new Sent(masked, expiresAt);
    }

    /**
     * Checks the signed-in person's code for {@code documentKey} and spends it in the caller's transaction
     * (a signature that fails afterwards gives it back). Wrong: 422 "Code incorrect : il vous reste N
     * essais" (on field {@code code}), the try counted even though the caller rolls back; expired, spent
     * or out of tries: 422 "Ce code a expiré : demandez-en un nouveau".
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void verify(String documentKey, String code) {
        String login = currentUser.username();
        String typed = code == null ? "" : code.strip().replace(" ", "");
        SignatureCodeAttempts.Outcome outcome = attempts.check(documentKey, login, typed);
        String refusal = switch (outcome.verdict()) {
            case VALID -> codes.spend(outcome.codeId(), Instant.now(clock)) == 1 ? null : EXPIRED;
            case WRONG -> outcome.remaining() > 0
                    ? "Code incorrect : il vous reste " + outcome.remaining() + (outcome.remaining() > 1 ? " essais." : " essai.")
                    : "Code incorrect, et c'était votre dernier essai : demandez un nouveau code.";
            case EXPIRED -> EXPIRED;
            case NONE -> NONE;
        };
        if (refusal != null) {
            throw new InvalidInputException(refusal, Map.of("code", refusal));
        }
    }

    /** {@code jean@exemple.fr} → {@code j•••@exemple.fr}. */
    static String mask(String email) {
        int at = email.indexOf('@');
        if (at <= 0) {
            return "•••";
        }
        return email.charAt(0) + "•••" + email.substring(at);
    }

    /** A new random salt and the SHA-256 of salt and code: {@code salt$hash}. */
    static String hash(String code) {
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        String encodedSalt = Base64.getEncoder().encodeToString(salt);
        return encodedSalt + "$" + digest(encodedSalt, code);
    }

    /** Whether {@code code} is the one {@code stored} ({@link #hash}) was made of; constant time. */
    static boolean matches(String stored, String code) {
        int dollar = stored.indexOf('$');
        if (dollar < 0 || code == null || !code.matches("\\d{6}")) {
            return false;
        }
        return MessageDigest.isEqual(stored.substring(dollar + 1).getBytes(StandardCharsets.US_ASCII),
                digest(stored.substring(0, dollar), code).getBytes(StandardCharsets.US_ASCII));
    }

    private static String digest(String salt, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(code.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String entityType(String documentKey) {
        int colon = documentKey.indexOf(':');
        return colon < 0 ? documentKey : documentKey.substring(0, colon);
    }

    static Long entityId(String documentKey) {
        int colon = documentKey.indexOf(':');
        try {
            return colon < 0 ? null : Long.valueOf(documentKey.substring(colon + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String minutes(Duration validity) {
        long minutes = Math.max(1, validity.toMinutes());
        return minutes + (minutes > 1 ? " minutes" : " minute");
    }

    private static String seconds(Duration delay) {
        long seconds = Math.max(1, delay.toSeconds());
        return seconds + (seconds > 1 ? " secondes" : " seconde");
    }
}
