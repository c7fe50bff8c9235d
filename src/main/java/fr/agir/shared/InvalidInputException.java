package fr.agir.shared;

import java.util.Map;

/** Input that breaks a business rule (invalid SIRET, unbalanced budget…): HTTP 422. */
public class InvalidInputException extends DomainException {
    public InvalidInputException(String message) {
        this(message, Map.of());
    }

    public InvalidInputException(String message, Map<String, String> fieldErrors) {
        super("saisie-invalide", message, fieldErrors);
    }

    @Override
    public int httpStatus() {
        return 422;
    }
}
