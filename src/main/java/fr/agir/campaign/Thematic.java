package fr.agir.campaign;

/** Thematics of the Appel à Agir. */
public enum Thematic {
    NOUVELLES_SOLIDARITES("Nouvelles solidarités"),
    TRANSITION_ECOLOGIQUE("Transition écologique"),
    ENGAGEMENT_CITOYEN("Engagement citoyen");

    private final String label;

    Thematic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
