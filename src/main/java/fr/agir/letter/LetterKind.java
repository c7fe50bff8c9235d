package fr.agir.letter;

import fr.agir.vote.Decision;

/**
 * What a decision letter notifies, chosen from the decision's outcome. A later délibération revising a
 * decision (amendment, withdrawal) adds its kind here and its case in {@link #of}.
 */
public enum LetterKind {
    ATTRIBUTION("Notification d'attribution de subvention", "notification-attribution"),
    REFUSAL("Notification de refus de subvention", "notification-refus");

    private final String title;
    private final String fileStem;

    LetterKind(String title, String fileStem) {
        this.title = title;
        this.fileStem = fileStem;
    }

    /** The letter a decision calls for. Every outcome recorded by the Commission is decided: each has one. */
    public static LetterKind of(Decision.Outcome outcome) {
        return switch (outcome) {
            case ADOPTED, AMENDED -> ATTRIBUTION;
            case REJECTED -> REFUSAL;
        };
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
