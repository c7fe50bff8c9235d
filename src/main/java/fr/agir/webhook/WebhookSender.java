package fr.agir.webhook;

import fr.agir.mail.MailOutbox;
import fr.agir.mail.OutgoingMail;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the deliveries: each right after the transaction that wrote it commits (on a small pool of
 * its own), and every {@code agir.webhooks.retry-delay} those whose next attempt is due. An attempt
 * first claims the delivery ({@link WebhookDeliveryRepository#claim}), so two workers or two nodes
 * never send it at the same time; after a 2xx it is DELIVERED and never sent again by the worker.
 *
 * <p>A failure (not 2xx, a redirect included; a timeout; a refused address) waits
 * {@link WebhookProperties#backoffAfter} (or the receiver's {@code Retry-After}, up to the longest
 * wait), up to {@code max-attempts}. An endpoint is disabled after {@code disable-after} consecutive
 * failures, or at once when it answers 410 Gone; the administrators are e-mailed and the page says so.
 *
 * <p>{@link #deliverDue(Instant)} takes the worker's "now" as an argument: the scheduled pass gives
 * the clock's, a test gives a later instant to make retries due without waiting.
 */
@Component
public class WebhookSender {
    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int BATCH = 200;

    private final WebhookDeliveryRepository deliveries;
    private final WebhookEndpointRepository endpoints;
    private final EndpointUrlGuard guard;
    private final WebhookProperties properties;
    private final MailOutbox mail;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final HttpClient http;
    private final ThreadPoolExecutor pool;
    private final WebhookSecretCipher cipher;

    public WebhookSender(WebhookDeliveryRepository deliveries, WebhookEndpointRepository endpoints,
                         EndpointUrlGuard guard, WebhookProperties properties, MailOutbox mail,
                         PlatformTransactionManager transactions, Clock clock, WebhookSecretCipher cipher) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.guard = guard;
        this.properties = properties;
        this.mail = mail;
        this.tx = new TransactionTemplate(transactions);
        this.clock = clock;
        this.cipher = cipher;
        this.http = HttpClient.newBuilder().connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(1000), r -> {
            Thread t = new Thread(r, "agir-webhook-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, (r, p) -> log.warn("Webhook pool full: the delivery will go with the next pass"));
        this.pool.allowCoreThreadTimeOut(true);
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void afterCommit(WebhookOutbox.Enqueued enqueued) {
        for (Long id : enqueued.deliveryIds()) {
            pool.execute(() -> attempt(id, clock.instant()));
        }
    }

    @Scheduled(fixedDelayString = "${agir.webhooks.retry-delay:PT30S}",
            initialDelayString = "${agir.webhooks.retry-delay:PT30S}")
    void retryDue() {
        deliverDue(clock.instant());
    }

    /** Tries every pending delivery of an enabled endpoint due at {@code asOf}; returns how many were delivered. */
    public int deliverDue(Instant asOf) {
        List<Long> due = tx.execute(s -> deliveries.findDue(asOf, PageRequest.of(0, BATCH)));
        int delivered = 0;
        for (Long id : due) {
            if (attempt(id, asOf)) {
                delivered++;
            }
        }
        return delivered;
    }

    private record Claimed(WebhookDelivery delivery, WebhookEndpoint endpoint) {
    }

    /** One attempt on one delivery, if it is still pending and due, its endpoint enabled, and no other worker has it. */
    boolean attempt(Long id, Instant asOf) {
        try {
            Claimed claimed = tx.execute(s -> {
                WebhookDelivery d = deliveries.findById(id).orElse(null);
                WebhookEndpoint e = d == null ? null : endpoints.findById(d.getEndpointId()).orElse(null);
                if (e == null || !e.isEnabled()
                        || deliveries.claim(id, asOf, asOf.plus(properties.lease())) != 1) {
                    return null;
                }
                return new Claimed(d, e);
            });
            if (claimed == null) {
                return false;
            }
            Outcome outcome = send(claimed.delivery(), claimed.endpoint(), asOf);
            tx.executeWithoutResult(s -> record(id, outcome, asOf));
            return outcome.success();
        } catch (RuntimeException e) {
            log.error("Webhook delivery {}: attempt not recorded", id, e);
            return false;
        }
    }

    /** What one attempt gave: the HTTP status if any, an error, and the receiver's Retry-After. */
    record Outcome(Integer status, String error, Duration retryAfter) {
        boolean success() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Outcome send(WebhookDelivery delivery, WebhookEndpoint endpoint, Instant asOf) {
        Optional<String> refusal = guard.refusal(endpoint.getUrl());
        if (refusal.isPresent()) {
            return new Outcome(null, "Adresse refusée : " + refusal.get(), null);
        }
        long timestamp = clock.instant().getEpochSecond();
        String signatures;
        try {
            signatures = String.join(" ", endpoint.storedSigningSecrets(clock.instant()).stream()
                    .map(stored -> WebhookSignature.sign(cipher.decrypt(stored), delivery.getMessageId(), timestamp,
                            delivery.getPayload()))
                    .toList());
        } catch (IllegalStateException e) {
            log.error("Webhook endpoint {}: {}", endpoint.getId(), e.getMessage());
            return new Outcome(null, "Secret illisible avec la clé de chiffrement configurée : renouvelez le secret "
                    + "de ce point de réception.", null);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.getUrl().trim()))
                .timeout(properties.timeout())
                .header("content-type", "application/json")
                .header("user-agent", "Agir-Webhooks/1.0")
                .header("webhook-id", delivery.getMessageId())
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signatures)
                .POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload(), StandardCharsets.UTF_8))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            Duration retryAfter = response.headers().firstValue("retry-after").flatMap(WebhookSender::seconds)
                    .orElse(null);
            return new Outcome(status, status >= 200 && status < 300 ? null : "Réponse HTTP " + status, retryAfter);
        } catch (IOException e) {
            return new Outcome(null, e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " : " + e.getMessage()),
                    null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "Envoi interrompu", null);
        }
    }

    private static Optional<Duration> seconds(String header) {
        try {
            return Optional.of(Duration.ofSeconds(Long.parseLong(header.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private void record(Long id, Outcome outcome, Instant asOf) {
        WebhookDelivery delivery = deliveries.findById(id).orElseThrow();
        WebhookEndpoint endpoint = endpoints.findById(delivery.getEndpointId()).orElseThrow();
        if (outcome.success()) {
            delivery.delivered(outcome.status(), clock.instant());
            endpoint.succeeded();
            return;
        }
        int attempts = delivery.getAttempts() + 1;
        Duration wait = properties.backoffAfter(attempts);
        if (outcome.retryAfter() != null && outcome.retryAfter().compareTo(wait) > 0) {
            wait = outcome.retryAfter().compareTo(properties.maxBackoff()) > 0 ? properties.maxBackoff()
                    : outcome.retryAfter();
        }
        delivery.failed(outcome.status(), outcome.error(), asOf.plus(wait), attempts >= properties.maxAttempts());
        int failures = endpoint.failed();
        log.warn("Webhook delivery {} to endpoint {} failed (attempt {}): {}", id, endpoint.getId(), attempts,
                outcome.error());
        if (endpoint.isEnabled() && (Integer.valueOf(410).equals(outcome.status()) || failures >= properties.disableAfter())) {
            String reason = Integer.valueOf(410).equals(outcome.status())
                    ? "Le destinataire a répondu 410 (Gone) : il ne veut plus recevoir d'événements."
                    : failures + " échecs consécutifs ; dernier : " + outcome.error();
            endpoint.disable(reason, clock.instant());
            mail.enqueue(new OutgoingMail(properties.noticeTo(), "Agir : webhook désactivé — " + endpoint.getUrl(),
                    "Le point de réception de webhooks " + endpoint.getUrl() + " a été désactivé automatiquement.\n\n"
                            + "Motif : " + reason + "\n\nLes événements suivants restent en attente. Réactivez-le "
                            + "depuis la page Administration › Webhooks une fois le destinataire réparé."));
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.SECONDS);
    }
}
