package fr.agir.agreement.signature;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A try of a one-time code, judged in its own transaction: a wrong try is counted (and audited) and
 * committed even though the signature it was for is refused and rolled back. A right code is only
 * judged here; {@link SignatureCodeService#verify} spends it in the signature's transaction.
 */
@Component
class SignatureCodeAttempts {
    enum Verdict { VALID, WRONG, EXPIRED, NONE }

    record Outcome(Verdict verdict, Long codeId, int remaining) {
    }

    private final SignatureCodeRepository codes;
    private final SignatureProperties properties;
    private final AuditTrail audit;
    private final Clock clock;

    SignatureCodeAttempts(SignatureCodeRepository codes, SignatureProperties properties, AuditTrail audit,
                          Clock clock) {
        this.codes = codes;
        this.properties = properties;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Outcome check(String documentKey, String login, String typed) {
        var latest = codes.findLatestForUpdate(documentKey, login);
        if (latest.isEmpty()) {
            refused(documentKey, null, "aucun code demandé");
            return new Outcome(Verdict.NONE, null, 0);
        }
        SignatureCode code = latest.get();
        int max = properties.getCodeMaxAttempts();
        Instant now = Instant.now(clock);
        if (code.getUsedAt() != null || !now.isBefore(code.getExpiresAt()) || code.getAttempts() >= max) {
            refused(documentKey, code.getApplicationId(), code.getUsedAt() != null ? "code déjà utilisé ou remplacé"
                    : code.getAttempts() >= max ? "nombre d'essais épuisé" : "code expiré");
            return new Outcome(Verdict.EXPIRED, code.getId(), 0);
        }
        if (SignatureCodeService.matches(code.getCodeHash(), typed)) {
            return new Outcome(Verdict.VALID, code.getId(), max - code.getAttempts());
        }
        code.failedAttempt();
        refused(documentKey, code.getApplicationId(), "code incorrect (essai " + code.getAttempts() + " sur " + max + ")");
        return new Outcome(Verdict.WRONG, code.getId(), max - code.getAttempts());
    }

    private void refused(String documentKey, Long applicationId, String why) {
        audit.record(SignatureCodeService.entityType(documentKey), SignatureCodeService.entityId(documentKey),
                applicationId, AuditAction.SIGNATURE_CODE_REFUSED, null, null, "Code de signature refusé : " + why);
    }
}
