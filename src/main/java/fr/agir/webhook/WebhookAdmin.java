package fr.agir.webhook;

import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The administrator's handling of webhooks: registering an endpoint (its secret returned once),
 * enabling, disabling, rotating the secret (the previous one still signs for a day), replaying a
 * delivery. Every change is audited. Administrators only.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
public class WebhookAdmin {
    static final String ENTITY = "WEBHOOK";
    /** How long the previous secret still signs after a rotation, so receivers can switch without losing events. */
    static final Duration ROTATION_GRACE = Duration.ofHours(24);

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final EndpointUrlGuard guard;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final WebhookSecretCipher cipher;

    public WebhookAdmin(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
                        EndpointUrlGuard guard, AuditTrail audit, CurrentUser currentUser,
                        ApplicationEventPublisher publisher, Clock clock, WebhookSecretCipher cipher) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.guard = guard;
        this.audit = audit;
        this.currentUser = currentUser;
        this.publisher = publisher;
        this.clock = clock;
        this.cipher = cipher;
    }

    /** A registered endpoint and its secret, which the page shows this once. */
    public record Registered(WebhookEndpoint endpoint, String secret) {
    }

    /** The event types for a form: code → French label. */
    public static Map<String, String> eventChoices() {
        Map<String, String> choices = new LinkedHashMap<>();
        for (WebhookEventType t : WebhookEventType.values()) {
            choices.put(t.code(), t.label() + " (" + t.code() + ")");
        }
        return choices;
    }

    @Transactional
    public Registered register(String url, String description, List<String> eventCodes) {
        Map<String, String> errors = new LinkedHashMap<>();
        String trimmed = url == null ? "" : url.trim();
        if (trimmed.isEmpty()) {
            errors.put("url", "Saisissez l'adresse du point de réception, par exemple https://exemple.fr/webhooks.");
        } else if (trimmed.length() > 2000) {
            errors.put("url", "L'adresse ne doit pas dépasser 2 000 caractères.");
        } else {
            guard.refusal(trimmed).ifPresent(refusal -> errors.put("url", refusal));
        }
        List<WebhookEventType> types = new ArrayList<>();
        for (String code : eventCodes == null ? List.<String>of() : eventCodes) {
            WebhookEventType type = WebhookEventType.ofCode(code).orElse(null);
            if (type == null) {
                errors.put("events", "Événement inconnu : " + code + ".");
            } else if (!types.contains(type)) {
                types.add(type);
            }
        }
        if (types.isEmpty() && !errors.containsKey("events")) {
            errors.put("events", "Choisissez au moins un événement.");
        }
        String note = description == null || description.isBlank() ? null : description.trim();
        if (note != null && note.length() > 200) {
            errors.put("description", "La description ne doit pas dépasser 200 caractères.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors.values().iterator().next(), errors);
        }
        String secret = WebhookSignature.newSecret();
        WebhookEndpoint endpoint = endpoints.save(new WebhookEndpoint(trimmed, note, types, cipher.encrypt(secret),
                WebhookSignature.hint(secret), currentUser.username(), now()));
        audit.record(ENTITY, endpoint.getId(), null, AuditAction.WEBHOOK_REGISTERED, null, null,
                trimmed + " — " + String.join(", ", endpoint.eventTypeCodes()));
        return new Registered(endpoint, secret);
    }

    /** A new secret, returned this once; the previous one keeps signing (beside it) for a day. */
    @Transactional
    public Registered rotate(Long endpointId) {
        WebhookEndpoint endpoint = endpoint(endpointId);
        String secret = WebhookSignature.newSecret();
        endpoint.rotate(cipher.encrypt(secret), WebhookSignature.hint(secret), now().plus(ROTATION_GRACE));
        audit.record(ENTITY, endpointId, null, AuditAction.WEBHOOK_SECRET_ROTATED, null, null, endpoint.getUrl());
        return new Registered(endpoint, secret);
    }

    @Transactional
    public WebhookEndpoint enable(Long endpointId) {
        WebhookEndpoint endpoint = endpoint(endpointId);
        guard.refusal(endpoint.getUrl()).ifPresent(refusal -> {
            throw new InvalidInputException(refusal);
        });
        endpoint.enable();
        audit.record(ENTITY, endpointId, null, AuditAction.WEBHOOK_ENABLED, null, null, endpoint.getUrl());
        // What waited while it was disabled goes now.
        List<WebhookDelivery> waiting = deliveries.findByEndpointIdAndStatus(endpointId, WebhookDelivery.Status.PENDING);
        waiting.forEach(d -> d.replay(now()));
        publisher.publishEvent(new WebhookOutbox.Enqueued(waiting.stream().map(WebhookDelivery::getId).toList()));
        return endpoint;
    }

    @Transactional
    public WebhookEndpoint disable(Long endpointId) {
        WebhookEndpoint endpoint = endpoint(endpointId);
        endpoint.disable("Désactivé par " + currentUser.displayName() + ".", now());
        audit.record(ENTITY, endpointId, null, AuditAction.WEBHOOK_DISABLED, null, null, endpoint.getUrl());
        return endpoint;
    }

    /** Sends a delivery again now, with its message id and body (the receiver deduplicates on the id). */
    @Transactional
    public WebhookDelivery replay(Long deliveryId) {
        WebhookDelivery delivery = deliveries.findById(deliveryId)
                .orElseThrow(() -> new NotFoundException("Livraison introuvable."));
        WebhookEndpoint endpoint = endpoint(delivery.getEndpointId());
        if (!endpoint.isEnabled()) {
            throw new InvalidInputException("Ce point de réception est désactivé : réactivez-le avant de relancer.");
        }
        delivery.replay(now());
        audit.record(ENTITY, endpoint.getId(), null, AuditAction.WEBHOOK_REPLAYED, null, null,
                delivery.getEventType() + " " + delivery.getMessageId());
        publisher.publishEvent(new WebhookOutbox.Enqueued(List.of(deliveryId)));
        return delivery;
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpoint> endpoints() {
        return endpoints.findAllByOrderByIdAsc();
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint endpoint(Long id) {
        return endpoints.findById(Objects.requireNonNull(id))
                .orElseThrow(() -> new NotFoundException("Point de réception introuvable."));
    }

    /** The latest deliveries, newest first, of one endpoint or of all (endpointId null). */
    @Transactional(readOnly = true)
    public Page<WebhookDelivery> deliveries(Long endpointId, int page) {
        PageRequest request = PageRequest.of(Math.max(page, 0), 50);
        return endpointId == null ? deliveries.findAllByOrderByIdDesc(request)
                : deliveries.findByEndpointIdOrderByIdDesc(endpointId, request);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
