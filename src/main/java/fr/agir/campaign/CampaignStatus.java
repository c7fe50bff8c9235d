package fr.agir.campaign;

public enum CampaignStatus {
    /** Created, not open yet. */
    SCHEDULED,
    /** Accepts submissions. */
    OPEN,
    /** Past its closing date: refuses submissions. */
    CLOSED
}
