package fr.agir.application;

/** Published inside the transaction that wrote a message (for the e-mail telling the other side). */
public record MessagePosted(Long messageId, Long applicationId, boolean fromApplicant) {
}
