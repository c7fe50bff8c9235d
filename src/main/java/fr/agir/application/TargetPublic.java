package fr.agir.application;

public enum TargetPublic {
    JEUNES("Jeunes"),
    PERSONNES_AGEES("Personnes âgées"),
    PERSONNES_HANDICAPEES("Personnes en situation de handicap"),
    PERSONNES_PRECAIRES("Personnes en situation de précarité"),
    TOUS_PUBLICS("Tous publics");

    private final String label;

    TargetPublic(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
