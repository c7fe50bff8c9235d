package fr.agir.shared;

import java.util.Map;

/** The caller is known but this action is not his to take (e.g. separation of duties): HTTP 403. */
public class ForbiddenActionException extends DomainException {
    public ForbiddenActionException(String message) {
        super("action-interdite", message, Map.of());
    }

    @Override
    public int httpStatus() {
        return 403;
    }
}
