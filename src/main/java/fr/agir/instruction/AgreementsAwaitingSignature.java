package fr.agir.instruction;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The agreements waiting for a signature, as the instructors' queue shows them ("Conventions à
 * signer"): the structure's signature, then the Département's countersignature. Implemented by a later
 * capability (agreement), which {@code instruction} may not depend on: the queue receives it through an
 * {@code ObjectProvider}.
 */
public interface AgreementsAwaitingSignature {

    /** Who the agreement waits for. */
    enum Awaiting {
        STRUCTURE("Signature de la structure"),
        DEPARTEMENT("Contresignature du Département");

        private final String label;

        Awaiting(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * One agreement: which case, who it waits for and since when, the reminders sent to the structure's
     * legal representative (count, last one) and since when it is overdue (after the last reminder).
     */
    record Waiting(Long applicationId, String reference, String title, String structureName, Long agreementId,
                   String agreementNumber, BigDecimal amount, Awaiting awaiting, Instant since, int remindersSent,
                   Instant lastRemindedAt, Instant overdueSince) {
        @com.fasterxml.jackson.annotation.JsonProperty("overdue")
        public boolean overdue() {
            return overdueSince != null;
        }
    }

    /** Every agreement waiting for a signature, the longest waiting first. */
    List<Waiting> all();

    /** How many agreements {@link #all()} lists, without reading them (the queue page shows the number). */
    long count();
}
