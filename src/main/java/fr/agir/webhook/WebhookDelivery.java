package fr.agir.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one endpoint: its message id (the {@code webhook-id}, stable across retries and
 * replays, the receiver's idempotency key), its body (written once, in the event's transaction) and
 * where its sending stands.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {
    public enum Status {
        PENDING("En attente"), DELIVERED("Remis"), FAILED("Abandonné");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "endpoint_id", nullable = false)
    private Long endpointId;
    @Column(name = "message_id", nullable = false)
    private String messageId;
    @Column(name = "event_type", nullable = false)
    private String eventType;
    @Column(name = "audit_event_id")
    private Long auditEventId;
    @Column(name = "application_id")
    private Long applicationId;
    @Column(nullable = false)
    private String payload;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;
    @Column(name = "last_status_code")
    private Integer lastStatusCode;
    @Column(name = "last_error")
    private String lastError;
    @Column(name = "created_at", nullable = false)
    private Instant createdAt;
    @Column(name = "delivered_at")
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(Long endpointId, String messageId, String eventType, Long auditEventId, Long applicationId,
                    String payload, Instant now) {
        this.endpointId = endpointId;
        this.messageId = messageId;
        this.eventType = eventType;
        this.auditEventId = auditEventId;
        this.applicationId = applicationId;
        this.payload = payload;
        this.status = Status.PENDING;
        this.nextAttemptAt = now;
        this.createdAt = now;
    }

    void delivered(int statusCode, Instant now) {
        attempts++;
        status = Status.DELIVERED;
        lastStatusCode = statusCode;
        lastError = null;
        deliveredAt = now;
    }

    void failed(Integer statusCode, String error, Instant next, boolean giveUp) {
        attempts++;
        lastStatusCode = statusCode;
        lastError = error == null || error.length() <= 1000 ? error : error.substring(0, 999) + "…";
        nextAttemptAt = next;
        status = giveUp ? Status.FAILED : Status.PENDING;
    }

    /** Sent again at {@code now}, with the same message id and body (the receiver deduplicates on the id). */
    void replay(Instant now) {
        status = Status.PENDING;
        nextAttemptAt = now;
        deliveredAt = null;
    }

    public Long getId() { return id; }
    public Long getEndpointId() { return endpointId; }
    public String getMessageId() { return messageId; }
    public String getEventType() { return eventType; }
    public Long getAuditEventId() { return auditEventId; }
    public Long getApplicationId() { return applicationId; }
    public String getPayload() { return payload; }
    public Status getStatus() { return status; }
    public int getAttempts() { return attempts; }
    public Instant getNextAttemptAt() { return nextAttemptAt; }
    public Integer getLastStatusCode() { return lastStatusCode; }
    public String getLastError() { return lastError; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getDeliveredAt() { return deliveredAt; }
}
