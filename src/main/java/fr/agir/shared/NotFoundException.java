package fr.agir.shared;

import java.util.Map;

/** Unknown id, or an id the caller may not see (never tells which): HTTP 404. */
public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super("introuvable", message, Map.of());
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
