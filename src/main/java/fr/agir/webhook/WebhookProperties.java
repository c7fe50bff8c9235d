package fr.agir.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agir.webhooks.*}: how deliveries are sent and retried, and which hosts escape the SSRF guard.
 *
 * @param allowedHosts  hosts (exact names or IP literals) allowed although not HTTPS or resolving to a
 *                      private, loopback, link-local or multicast address (a receiver on the
 *                      administration network; the tests' loopback receiver)
 * @param retryDelay    pause between two passes of the worker over due deliveries
 * @param firstBackoff  wait after the first failed attempt; doubled after each further failure
 * @param maxBackoff    the longest wait between two attempts
 * @param maxAttempts   attempts before a delivery is given up (FAILED, replayable from the page)
 * @param disableAfter  consecutive failed attempts of an endpoint (any delivery) after which it is disabled
 * @param timeout       connection and answer timeout of one attempt
 * @param lease         how long one attempt holds a delivery before another node may take it
 * @param noticeTo      who is e-mailed when an endpoint is disabled (the administrators' address)
 */
@ConfigurationProperties(prefix = "agir.webhooks")
public record WebhookProperties(
        @DefaultValue List<String> allowedHosts,
        @DefaultValue("PT30S") Duration retryDelay,
        @DefaultValue("PT5S") Duration firstBackoff,
        @DefaultValue("PT24H") Duration maxBackoff,
        @DefaultValue("15") int maxAttempts,
        @DefaultValue("20") int disableAfter,
        @DefaultValue("PT15S") Duration timeout,
        @DefaultValue("PT2M") Duration lease,
        @DefaultValue("admin@agir.example.org") List<String> noticeTo) {

    /** The wait before the next attempt after {@code failedAttempts} failed ones (1 or more). */
    public Duration backoffAfter(int failedAttempts) {
        Duration wait = firstBackoff;
        for (int i = 1; i < failedAttempts && wait.compareTo(maxBackoff) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
    }
}
