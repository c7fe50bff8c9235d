package fr.agir.mail;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code agir.mail.*}: the sender address and how the outbox retries.
 *
 * @param from         the From of every e-mail (users should not answer it)
 * @param retryDelay   pause between two passes of the retry over due messages
 * @param firstBackoff wait after the first failed attempt; doubled after each further failure
 * @param maxBackoff   the longest wait between two attempts
 * @param maxAttempts  attempts before a message is given up (FAILED, kept with its last error)
 * @param lease        how long one attempt holds a message before another sender may take it
 */
@ConfigurationProperties(prefix = "agir.mail")
public record OutboxProperties(
        @DefaultValue("Agir – Seine-Saint-Denis <ne-pas-repondre@agir.example.org>") String from,
        @DefaultValue("PT1M") Duration retryDelay,
        @DefaultValue("PT1M") Duration firstBackoff,
        @DefaultValue("PT6H") Duration maxBackoff,
        @DefaultValue("12") int maxAttempts,
        @DefaultValue("PT5M") Duration lease) {

    public RetryPolicy retryPolicy() {
        return new RetryPolicy(firstBackoff, maxBackoff, maxAttempts);
    }
}
