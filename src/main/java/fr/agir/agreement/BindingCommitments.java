package fr.agir.agreement;

/**
 * What happens when a grant becomes binding (the agreement countersigned, the arrêté issued): its amount is
 * committed against the budget credits (engagement). Implemented by the finance capability
 * ({@code payment.credit}), which comes later in the lifecycle: this package only knows the interface. Called
 * inside the act's transaction: a refusal (a {@link fr.agir.shared.StateConflictException} naming the
 * figures) rolls the whole step back.
 */
public interface BindingCommitments {
    /** Commits the act's total amount; refuses beyond the authorisation of commitment (AE). */
    void commit(Agreement act);
}
