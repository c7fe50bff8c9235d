package fr.agir.structure;

import java.time.LocalDate;

/** Where a piece's validity stands on a given day. A piece is still valid on its end day. */
public enum ExpiryStatus {
    EXPIRED, EXPIRING_SOON, VALID, NO_END;

    static ExpiryStatus of(LocalDate validUntil, LocalDate today, int warningDays) {
        if (validUntil == null) {
            return NO_END;
        }
        if (validUntil.isBefore(today)) {
            return EXPIRED;
        }
        return validUntil.isAfter(today.plusDays(warningDays)) ? VALID : EXPIRING_SOON;
    }

    /** The status in words, as its tag shows it. */
    public String label() {
        return switch (this) {
            case EXPIRED -> "Expirée";
            case EXPIRING_SOON -> "Expire bientôt";
            case VALID -> "Valide";
            case NO_END -> "Sans date de fin";
        };
    }

    /** The tag's kind ({@code etiquette--…}): an expired piece is an error, one expiring soon a warning. */
    public String tagKind() {
        return switch (this) {
            case EXPIRED -> "erreur";
            case EXPIRING_SOON -> "attention";
            case VALID -> "succes";
            case NO_END -> null;
        };
    }

    /** Still usable for an application (not expired). */
    public boolean usable() {
        return this != EXPIRED;
    }
}
