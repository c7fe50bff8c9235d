package fr.agir.shared;

import java.util.Map;

/** The step is not possible in the current state (already done, campaign closed…): HTTP 409. */
public class StateConflictException extends DomainException {
    public StateConflictException(String message) {
        super("etat-incompatible", message, Map.of());
    }

    /** With extra problem members (e.g. {@code joinRequest}: the path of what to do instead). */
    public StateConflictException(String message, Map<String, Object> properties) {
        super("etat-incompatible", message, Map.of(), properties);
    }

    @Override
    public int httpStatus() {
        return 409;
    }
}
