package fr.agir.letter;

import fr.agir.vote.Decision;

/**
 * What a decision letter notifies, chosen from the decision: the Commission permanente's first decision
 * on the application (attribution or refusal), or a later délibération revising it (amendment or
 * withdrawal of the grant).
 */
public enum LetterKind {
    ATTRIBUTION("Notification d'attribution de subvention", "notification-attribution"),
    REFUSAL("Notification de refus de subvention", "notification-refus"),
    AMENDMENT("Notification de modification de subvention", "notification-modification"),
    WITHDRAWAL("Notification de retrait de subvention", "notification-retrait");

    private final String title;
    private final String fileStem;

    LetterKind(String title, String fileStem) {
        this.title = title;
        this.fileStem = fileStem;
    }

    /** The letter a decision calls for: every decision recorded by the Commission has one. */
    public static LetterKind of(Decision decision) {
        return of(decision.getOutcome(), decision.getRevisesId() != null);
    }

    /** The letter of a decision with this outcome, first on the application or revising an earlier one. */
    static LetterKind of(Decision.Outcome outcome, boolean revision) {
        return switch (outcome) {
            case ADOPTED, AMENDED -> revision ? AMENDMENT : ATTRIBUTION;
            case REJECTED -> REFUSAL;
            case WITHDRAWN -> WITHDRAWAL;
        };
    }

    /** Whether the letter grants amounts (and names the act that carries them). */
    public boolean grants() {
        return this == ATTRIBUTION || this == AMENDMENT;
    }

    /** The letter's title, as its object and the lists say it. */
    public String title() {
        return title;
    }

    /** The PDF's file name for this application reference. */
    public String fileName(String reference) {
        return fileStem + "-" + reference + ".pdf";
    }
}
