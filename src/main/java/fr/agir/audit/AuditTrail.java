package fr.agir.audit;

import fr.agir.security.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes the audit trail in the caller's transaction: a state change and its audit event are
 * committed, or rolled back, together. Only declared kinds of events ({@link AuditAction}, each with
 * its audience) can be recorded. Events are inserted unsealed; {@link AuditChain} chains them.
 */
@Service
public class AuditTrail {
    public static final String ACCESS = "ACCESS";
    public static final String UPLOAD = "UPLOAD";
    private final AuditEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    public AuditTrail(AuditEventRepository events, CurrentUser currentUser, Clock clock,
                      ApplicationEventPublisher publisher) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * Published, synchronously and inside the caller's transaction, after each business event is
     * recorded: a listener (the webhooks' outbox, fr.agir.webhook) writes what it must in the same
     * transaction, so it is committed or rolled back with the step. Refused accesses and malware are
     * not published.
     */
    public record Recorded(AuditEvent event, AuditAction action) {
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String entityType, Long entityId, Long applicationId, AuditAction action,
                       Enum<?> from, Enum<?> to, String reason) {
        if (action == null) {
            throw new IllegalArgumentException("An audit event needs a declared AuditAction (its words and audience)");
        }
        AuditEvent saved = events.save(new AuditEvent(Instant.now(clock), currentUser.usernameOrSystem(), entityType,
                entityId, applicationId, action.code(), from == null ? null : from.name(),
                to == null ? null : to.name(), reason == null ? null : abbreviate(reason)));
        publisher.publishEvent(new Recorded(saved, action));
    }

    /**
     * A refused access (a record that is not the caller's, or an action his role does not allow),
     * in its own transaction: the refused request's own work is rolled back, this is kept.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordDenied(HttpServletRequest request, int status, String reason) {
        String what = request.getMethod() + " " + request.getRequestURI() + " → " + status + " : " + reason;
        events.save(new AuditEvent(Instant.now(clock), currentUser.usernameOrSystem(), ACCESS, null, null,
                AuditAction.ACCESS_DENIED.code(), null, null, abbreviate(what)));
    }

    /**
     * A file the antivirus found infected, in its own transaction (the refused upload stores nothing):
     * who sent it, its name, its SHA-256 and the threat, for the DIEESS and the security officer.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordMalware(String fileName, String sha256, String threat) {
        events.save(new AuditEvent(Instant.now(clock), currentUser.usernameOrSystem(), UPLOAD, null, null,
                AuditAction.UPLOAD_REFUSED_MALWARE.code(), null, null,
                abbreviate("« " + fileName + " » (SHA-256 " + sha256 + ") : " + threat)));
    }

    @Transactional(readOnly = true)
    public List<AuditEvent> ofApplication(Long applicationId) {
        return events.findByApplicationIdOrderByIdAsc(applicationId);
    }

    /** The application's events this reader may read ({@link AuditAction}'s audiences), oldest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> ofApplicationFor(Long applicationId, AuditReader reader) {
        return ofApplication(applicationId).stream().filter(e -> AuditAction.readableBy(e, reader)).toList();
    }

    private static String abbreviate(String reason) {
        return reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…";
    }
}
