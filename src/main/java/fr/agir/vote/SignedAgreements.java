package fr.agir.vote;

import java.util.Optional;

/**
 * Whether an application's agreement is already signed by its structure, so that a délibération modificative
 * no longer changes it (the act changes only by an avenant). Implemented by a later capability (agreement),
 * which {@code vote} may not depend on: the vote services receive it through an {@code ObjectProvider}.
 */
public interface SignedAgreements {

    /** A signed agreement: its number, and the page where the instruction prepares its avenant. */
    record SignedAgreement(Long agreementId, String number, String amendmentPage) {
    }

    /** The application's agreement once its structure signed it (signed or in force); empty otherwise. */
    Optional<SignedAgreement> of(Long applicationId);
}
