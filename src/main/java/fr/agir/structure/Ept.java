package fr.agir.structure;

/** The four établissements publics territoriaux (EPT) of the Métropole du Grand Paris in Seine-Saint-Denis. */
public enum Ept {
    PLAINE_COMMUNE("T6", "Plaine Commune"),
    PARIS_TERRES_D_ENVOL("T7", "Paris Terres d'Envol"),
    EST_ENSEMBLE("T8", "Est Ensemble"),
    GRAND_PARIS_GRAND_EST("T9", "Grand Paris Grand Est");

    private final String code;
    private final String label;

    Ept(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The territory's number in the Métropole (T6 to T9). */
    public String code() { return code; }
    public String label() { return label; }
}
