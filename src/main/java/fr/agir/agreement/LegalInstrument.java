package fr.agir.agreement;

/**
 * The legal act that carries a grant, chosen by bpmn/legal-instrument.dmn after the vote: a
 * convention pluriannuelle d'objectifs (signed by the structure, countersigned by the Département),
 * or an arrêté attributif (a unilateral act of the President, notified with its conditions).
 */
public enum LegalInstrument {
    AGREEMENT("Convention pluriannuelle d'objectifs", "Convention"),
    ARRETE("Arrêté attributif de subvention", "Arrêté attributif");

    private final String label;
    private final String shortLabel;

    LegalInstrument(String label, String shortLabel) {
        this.label = label;
        this.shortLabel = shortLabel;
    }

    public String label() {
        return label;
    }

    public String shortLabel() {
        return shortLabel;
    }
}
