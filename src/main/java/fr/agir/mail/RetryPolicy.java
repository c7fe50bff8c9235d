package fr.agir.mail;

import java.time.Duration;

/**
 * When to try a failed e-mail again: {@code first}, then twice as long after each failure, never
 * more than {@code max}; after {@code maxAttempts} attempts the outbox gives up. With the defaults
 * (1 min, 6 h, 12 attempts) an SMTP outage of about a day and a half loses nothing.
 */
public record RetryPolicy(Duration first, Duration max, int maxAttempts) {

    public RetryPolicy {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("Invalid mail retry policy: first=" + first + ", max=" + max
                    + ", maxAttempts=" + maxAttempts);
        }
    }

    /** The wait before the next attempt, after {@code failedAttempts} failed ones (1 or more). */
    public Duration backoffAfter(int failedAttempts) {
        Duration wait = first;
        for (int i = 1; i < failedAttempts && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** True once {@code attempts} attempts have failed: the message is given up. */
    public boolean givesUpAfter(int attempts) {
        return attempts >= maxAttempts;
    }
}
