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

    /** Still usable for an application (not expired). */
    public boolean usable() {
        return this != EXPIRED;
    }
}
