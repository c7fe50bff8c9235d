package fr.agir.structure;

/** Legal forms of the social and solidarity economy that the call accepts. */
public enum LegalForm {
    ASSOCIATION("Association loi 1901"),
    SCOP("Société coopérative et participative (SCOP)"),
    SCIC("Société coopérative d'intérêt collectif (SCIC)"),
    SARL_ESUS("SARL agréée ESUS"),
    SAS_ESUS("SAS agréée ESUS"),
    FONDATION("Fondation"),
    MUTUELLE("Mutuelle");

    private final String label;

    LegalForm(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
