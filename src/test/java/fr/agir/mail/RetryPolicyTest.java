package fr.agir.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(Duration.ofMinutes(1), Duration.ofHours(6), 12);

    @Test
    void theWaitDoublesAfterEachFailureUpToTheMaximum() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.backoffAfter(3)).isEqualTo(Duration.ofMinutes(4));
        assertThat(policy.backoffAfter(9)).isEqualTo(Duration.ofMinutes(256));
        assertThat(policy.backoffAfter(10)).as("512 min, capped").isEqualTo(Duration.ofHours(6));
        assertThat(policy.backoffAfter(1000)).as("no overflow").isEqualTo(Duration.ofHours(6));
    }

    @Test
    void theOutboxGivesUpAfterTheLastAttemptOnly() {
        assertThat(policy.givesUpAfter(11)).isFalse();
        assertThat(policy.givesUpAfter(12)).isTrue();
    }

    @Test
    void aPolicyThatWouldNeverWaitIsRefused() {
        assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(Duration.ofHours(2), Duration.ofHours(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recipientsAreDeduplicatedRegardlessOfCaseAndBlanksDropped() {
        OutgoingMail mail = new OutgoingMail(java.util.Arrays.asList("Awa@Example.org", " awa@example.org ", null, "",
                "porteur@agir.test"), "Objet", "Corps");
        assertThat(mail.to()).isEqualTo(List.of("Awa@Example.org", "porteur@agir.test"));
        assertThatThrownBy(() -> new OutgoingMail(List.of(" "), "Objet", "Corps"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
