package fr.agir.shared;

import java.util.Map;

/**
 * A business failure with a French message meant for the user. The web layer turns it into
 * an RFC 7807 problem; the transaction rolls back, so nothing is half-written.
 */
public abstract class DomainException extends RuntimeException {
    private final String problemType;
    private final Map<String, String> fieldErrors;
    private final Map<String, Object> properties;

    protected DomainException(String problemType, String message, Map<String, String> fieldErrors) {
        this(problemType, message, fieldErrors, Map.of());
    }

    /** {@code properties}: extra members of the problem, e.g. where the client can go instead. */
    protected DomainException(String problemType, String message, Map<String, String> fieldErrors,
                              Map<String, Object> properties) {
        super(message);
        this.problemType = problemType;
        this.fieldErrors = fieldErrors == null ? Map.of() : Map.copyOf(fieldErrors);
        this.properties = properties == null ? Map.of() : Map.copyOf(properties);
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public String problemType() {
        return problemType;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    public abstract int httpStatus();
}
