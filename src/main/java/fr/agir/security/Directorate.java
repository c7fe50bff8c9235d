package fr.agir.security;

/** The Département's directorates. Reviewers belong to one or more; opinion tasks go to one. */
public enum Directorate {
    DIEESS("Direction de l'insertion, de l'emploi et de l'économie sociale et solidaire"),
    DJVA("Direction de la jeunesse et de la vie associative"),
    DTER("Direction de la transition écologique et de la résilience"),
    DPAS("Direction de la prévention et de l'action sociale"),
    DMTA("Délégation au marketing territorial et à l'attractivité"),
    CULTURE("Direction de la culture"),
    SPORT("Direction des sports");

    private final String label;

    Directorate(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public String authority() {
        return "DIRECTORATE_" + name();
    }
}
