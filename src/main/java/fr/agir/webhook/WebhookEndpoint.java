package fr.agir.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A receiver registered by an administrator: its URL, the events it subscribed to, its secret (and,
 * for a day after a rotation, the previous one: both sign, space-separated, as the spec allows). The
 * secrets are held as {@link WebhookSecretCipher} stored them (encrypted); only the sender opens them.
 */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String url;
    private String description;
    @Column(name = "event_types", nullable = false)
    private String eventTypes;
    @Column(nullable = false)
    private String secret;
    @Column(name = "previous_secret")
    private String previousSecret;
    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;
    @Column(name = "secret_hint", nullable = false)
    private String secretHint;
    @Column(nullable = false)
    private boolean enabled;
    @Column(name = "consecutive_failures", nullable = false)
    private int consecutiveFailures;
    @Column(name = "disabled_reason")
    private String disabledReason;
    @Column(name = "disabled_at")
    private Instant disabledAt;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String url, String description, List<WebhookEventType> types, String storedSecret,
                    String secretHint, String createdBy, Instant now) {
        this.url = url;
        this.description = description;
        this.eventTypes = String.join(",", types.stream().map(WebhookEventType::code).toList());
        this.secret = storedSecret;
        this.secretHint = secretHint;
        this.enabled = true;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    public boolean subscribes(WebhookEventType type) {
        return eventTypeCodes().contains(type.code());
    }

    public List<String> eventTypeCodes() {
        return Arrays.stream(eventTypes.split(",")).filter(s -> !s.isBlank()).toList();
    }

    /**
     * The secrets (as stored: encrypted) that sign a message sent at {@code now}: the current one, and the
     * previous during its grace.
     */
    List<String> storedSigningSecrets(Instant now) {
        return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    void rotate(String newStoredSecret, String newSecretHint, Instant graceUntil) {
        this.previousSecret = secret;
        this.previousSecretUntil = graceUntil;
        this.secret = newStoredSecret;
        this.secretHint = newSecretHint;
    }

    void enable() {
        enabled = true;
        consecutiveFailures = 0;
        disabledReason = null;
        disabledAt = null;
    }

    void disable(String reason, Instant now) {
        enabled = false;
        disabledReason = reason;
        disabledAt = now;
    }

    void succeeded() {
        consecutiveFailures = 0;
    }

    /** Counts one more failed attempt and returns the count. */
    int failed() {
        return ++consecutiveFailures;
    }

    public Long getId() { return id; }
    public String getUrl() { return url; }
    public String getDescription() { return description; }
    public String getSecretHint() { return secretHint; }
    public boolean isEnabled() { return enabled; }
    public int getConsecutiveFailures() { return consecutiveFailures; }
    public String getDisabledReason() { return disabledReason; }
    public Instant getDisabledAt() { return disabledAt; }
    public String getCreatedBy() { return createdBy; }
    public Instant getCreatedAt() { return createdAt; }
}
