package fr.agir.structure;

import java.time.LocalDate;
import java.time.Period;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The pieces of a structure's case file. A default validity (counted from the upload day) applies
 * when the uploader gives no end date of his own; types without one never expire unless he gives one.
 */
public enum DocumentType {
    STATUTS("Statuts", null, true),
    LISTE_DIRIGEANTS("Liste des dirigeants", null, true),
    COMPTES_APPROUVES("Derniers comptes approuvés", Period.ofMonths(18), false),
    RAPPORT_ACTIVITE("Dernier rapport d'activité", Period.ofMonths(18), false),
    RIB("RIB", null, true),
    ATTESTATION_URSSAF("Attestation de vigilance URSSAF", Period.ofMonths(6), false),
    ATTESTATION_FISCALE("Attestation de régularité fiscale", Period.ofYears(1), false),
    AUTRE("Autre pièce", null, false);

    private final String label;
    private final Period defaultValidity;
    private final boolean requiredForApplication;

    DocumentType(String label, Period defaultValidity, boolean requiredForApplication) {
        this.label = label;
        this.defaultValidity = defaultValidity;
        this.requiredForApplication = requiredForApplication;
    }

    /** The French name shown to users. */
    public String label() {
        return label;
    }

    /** How long such a piece stays valid after its upload when no end date is given; empty: no end. */
    public Optional<Period> defaultValidity() {
        return Optional.ofNullable(defaultValidity);
    }

    /** Whether an application needs a current, non-expired piece of this type. */
    public boolean requiredForApplication() {
        return requiredForApplication;
    }

    /** The end of validity of a piece uploaded on {@code uploadDay} when the uploader gives none. */
    public LocalDate defaultValidUntil(LocalDate uploadDay) {
        return defaultValidity == null ? null : uploadDay.plus(defaultValidity);
    }

    public static List<DocumentType> required() {
        return Arrays.stream(values()).filter(DocumentType::requiredForApplication).toList();
    }

    /** The type named by a form or API field (its code), or empty when it names none. */
    public static Optional<DocumentType> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.name().equals(code.trim())).findFirst();
    }
}
