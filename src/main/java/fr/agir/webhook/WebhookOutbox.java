package fr.agir.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.audit.AuditEvent;
import fr.agir.audit.AuditTrail;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Turns business events into deliveries, in the business step's own transaction: it listens to
 * {@link AuditTrail.Recorded} (published synchronously by {@link AuditTrail#record}), maps the audit
 * action to a {@link WebhookEventType} and writes one {@link WebhookDelivery} per enabled endpoint
 * subscribed to it, with the body as it will be sent. Committed with the step or rolled back with it.
 *
 * <p>The body carries ids and public facts only — the application's reference, campaign, title and
 * status, the decision's outcome and délibération, the amounts decided, the agreement's number, the
 * installment's year and amount, the report's year and status. Never a bank detail, an opinion, a
 * juror, a score, a person's name nor the audit event's free-text reason. The webhook package is
 * cross-cutting (it knows no capability's classes): it reads these facts from the tables.
 */
@Component
class WebhookOutbox {
    /** Sent right after the event's transaction commits, for the immediate attempt. */
    record Enqueued(List<Long> deliveryIds) {
    }

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final JdbcTemplate jdbc;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;

    WebhookOutbox(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, JdbcTemplate jdbc,
                  EntityManager entityManager, ObjectMapper json, ApplicationEventPublisher publisher, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.jdbc = jdbc;
        this.entityManager = entityManager;
        this.json = json;
        this.publisher = publisher;
        this.clock = clock;
    }

    @EventListener
    void on(AuditTrail.Recorded recorded) {
        WebhookEventType type = WebhookEventType.of(recorded.action()).orElse(null);
        if (type == null) {
            return;
        }
        List<WebhookEndpoint> subscribed = endpoints.findByEnabledTrue().stream().filter(e -> e.subscribes(type))
                .toList();
        if (subscribed.isEmpty()) {
            return;
        }
        // The step's own changes (a status, an amount) are still in the persistence context: write them
        // first, so that the facts read below are those the step commits.
        entityManager.flush();
        AuditEvent event = recorded.event();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String body = body(type, event, now);
        List<Long> ids = subscribed.stream().map(endpoint -> deliveries.save(new WebhookDelivery(endpoint.getId(),
                "msg_" + UUID.randomUUID().toString().replace("-", ""), type.code(), event.getId(),
                event.getApplicationId(), body, now)).getId()).toList();
        publisher.publishEvent(new Enqueued(ids));
    }

    /** The Standard Webhooks body: {@code {"type", "timestamp", "data"}}. */
    String body(WebhookEventType type, AuditEvent event, Instant now) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", event.getAction());
        data.put("occurredAt", event.getOccurredAt().truncatedTo(ChronoUnit.SECONDS).toString());
        data.put("subject", Map.of("type", event.getEntityType(), "id", event.getEntityId()));
        Long applicationId = event.getApplicationId();
        if (applicationId != null) {
            data.put("application", application(applicationId));
        }
        switch (type) {
            case APPLICATION_DECIDED -> {
                data.put("decision", first("select outcome, deliberation_number as deliberationNumber, "
                        + "deliberation_date as deliberationDate from decision where application_id = ? "
                        + "and superseded_at is null", applicationId));
                data.put("amountsDecided", amountsDecided(applicationId));
            }
            case AGREEMENT_SIGNED, AGREEMENT_COUNTERSIGNED -> {
                data.put("agreement", first("select id, agreement_number as number, instrument, status, "
                        + "first_year as firstYear, duration_years as durationYears, total_amount as totalAmount "
                        + "from agreement where id = ?", event.getEntityId()));
                data.put("amountsDecided", amountsDecided(applicationId));
            }
            case INSTALLMENT_PAID -> data.put("installment", first("select id, agreement_id as agreementId, "
                    + "grant_year as grantYear, kind, amount, status, paid_at as paidAt from installment where id = ?",
                    event.getEntityId()));
            case REPORT_SUBMITTED, REPORT_REVIEWED -> data.put("report", first("select id, agreement_id as agreementId, "
                    + "grant_year as grantYear, status, due_date as dueDate from report where id = ?",
                    event.getEntityId()));
            default -> {
            }
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.code());
        body.put("timestamp", now.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> application(Long applicationId) {
        Map<String, Object> application = first("select a.id, a.reference, a.title, a.status, "
                + "a.submitted_at as submittedAt, c.code as campaignCode, c.name as campaignName "
                + "from application a join campaign c on c.id = a.campaign_id where a.id = ?", applicationId);
        if (application == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : List.of("id", "reference", "title", "status", "submittedAt")) {
            out.put(key, application.get(key));
        }
        Map<String, Object> campaign = new LinkedHashMap<>();
        campaign.put("code", application.get("campaignCode"));
        campaign.put("name", application.get("campaignName"));
        out.put("campaign", campaign);
        return out;
    }

    private List<Map<String, Object>> amountsDecided(Long applicationId) {
        return jdbc.queryForList("select grant_year as grantYear, amount from application_amount "
                + "where application_id = ? and kind = 'GRANTED' order by grant_year", applicationId).stream()
                .map(row -> portable(row, "select grant_year as grantYear, amount")).toList();
    }

    private Map<String, Object> first(String sql, Object id) {
        if (id == null) {
            return null;
        }
        List<Map<String, Object>> rows = jdbc.queryForList(sql, id);
        return rows.isEmpty() ? null : portable(rows.get(0), sql);
    }

    private static final java.util.regex.Pattern COLUMN = java.util.regex.Pattern.compile(
            "(?:^|,)\\s*(?:select\\s+)?(?:\\w+\\.)?(\\w+)(?:\\s+as\\s+(\\w+))?\\s*$");

    /**
     * The row with the keys as written in the query's select list (drivers upper- or lower-case labels;
     * Spring's row map finds them whatever their case), dates in ISO-8601 (times stored in UTC, so
     * written with a Z), amounts as JSON numbers.
     */
    private static Map<String, Object> portable(Map<String, Object> row, String sql) {
        String select = sql.substring(0, sql.toLowerCase(java.util.Locale.ROOT).indexOf(" from ") < 0 ? sql.length()
                : sql.toLowerCase(java.util.Locale.ROOT).indexOf(" from "));
        Map<String, Object> out = new LinkedHashMap<>();
        for (String part : select.split(",")) {
            java.util.regex.Matcher m = COLUMN.matcher("," + part);
            if (!m.find()) {
                continue;
            }
            String key = m.group(2) != null ? m.group(2) : m.group(1);
            out.put(key, iso(row.get(key)));
        }
        return out;
    }

    private static Object iso(Object value) {
        if (value instanceof java.sql.Timestamp t) {
            return t.toLocalDateTime().truncatedTo(ChronoUnit.SECONDS) + "Z";
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.truncatedTo(ChronoUnit.SECONDS) + "Z";
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate().toString();
        }
        return value;
    }
}
