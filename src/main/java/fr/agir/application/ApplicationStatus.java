package fr.agir.application;

/** Where an application stands, in the words shown to users. */
public enum ApplicationStatus {
    DRAFT("Brouillon"),
    SUBMITTED("Déposée — recevabilité en cours"),
    AWAITING_PIECES("Pièces complémentaires demandées"),
    INADMISSIBLE("Irrecevable"),
    UNDER_REVIEW("En instruction"),
    AWAITING_JURY("Instruite — en attente du jury"),
    AWAITING_VOTE("Avis du jury rendu — en attente du vote"),
    REJECTED("Rejetée par la Commission permanente"),
    GRANTED("Subvention votée"),
    IN_PROGRESS("Subvention en cours d'exécution"),
    CLOSED("Clôturée"),
    /** Withdrawn by its structure before the Commission permanente's decision; its lifecycle has ended. */
    WITHDRAWN("Retirée par la structure"),
    /** The grant was withdrawn by a later délibération of the Commission permanente; its lifecycle has ended. */
    GRANT_WITHDRAWN("Subvention retirée par délibération");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * How a status tag shows this stage (fragments/ui :: tag): "succes" once granted, "erreur" when
     * refused, "attention" when the structure must act, "info" while in progress, null (neutral) else.
     */
    public String tone() {
        return switch (this) {
            case GRANTED, IN_PROGRESS, CLOSED -> "succes";
            case INADMISSIBLE, REJECTED, GRANT_WITHDRAWN -> "erreur";
            case AWAITING_PIECES -> "attention";
            case SUBMITTED, UNDER_REVIEW, AWAITING_JURY, AWAITING_VOTE -> "info";
            case DRAFT, WITHDRAWN -> null;
        };
    }

    /** Whether the application's lifecycle has ended: nothing more will be asked of the structure. */
    public boolean ended() {
        return switch (this) {
            case INADMISSIBLE, REJECTED, CLOSED, WITHDRAWN, GRANT_WITHDRAWN -> true;
            default -> false;
        };
    }

    /** Stages from which the structure may still withdraw its application: submitted, and not yet voted on. */
    public boolean withdrawable() {
        return switch (this) {
            case SUBMITTED, AWAITING_PIECES, UNDER_REVIEW, AWAITING_JURY, AWAITING_VOTE -> true;
            default -> false;
        };
    }
}
