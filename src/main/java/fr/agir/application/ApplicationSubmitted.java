package fr.agir.application;

/**
 * An application was just submitted (not on a repeated submission). Published inside the submit
 * transaction: listeners that write (the receipt e-mail) commit or roll back with it.
 */
public record ApplicationSubmitted(Long applicationId) {
}
