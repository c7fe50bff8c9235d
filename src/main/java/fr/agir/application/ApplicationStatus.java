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
    GRANTED("Subvention votée — convention à signer"),
    IN_PROGRESS("Convention en cours d'exécution"),
    CLOSED("Clôturée");

    private final String label;

    ApplicationStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
