package fr.agir.security;

/** Application roles; {@link #candidateGroup()} is the Camunda candidate group of the role's tasks. */
public enum Role {
    APPLICANT, INSTRUCTOR, REVIEWER, JURY, FINANCE, ADMIN,
    /** The Département's signatory: countersigns the agreements in the name of the President. */
    SIGNATORY;

    public String authority() {
        return "ROLE_" + name();
    }

    public String candidateGroup() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
