package fr.agir.structure;

import fr.agir.shared.DomainException;
import java.util.Map;

/**
 * An upload refused before anything was stored: empty (400), too large (413), bad file name or
 * date (400), not a real file of an accepted format (415), a document beyond the archive limits or
 * a file the antivirus finds infected (422), the antivirus unreachable (503). {@code field} names the faulty form field.
 */
public class DocumentRejectedException extends DomainException {
    private final int status;

    DocumentRejectedException(int status, String problemType, String field, String message) {
        super(problemType, message, Map.of(field, message));
        this.status = status;
    }

    static DocumentRejectedException badRequest(String problemType, String field, String message) {
        return new DocumentRejectedException(400, problemType, field, message);
    }

    static DocumentRejectedException tooLarge(String message) {
        return new DocumentRejectedException(413, "fichier-trop-volumineux", "file", message);
    }

    /** Refused for what the content holds (a decompression bomb, a virus): 422. */
    static DocumentRejectedException unprocessable(String problemType, String message) {
        return new DocumentRejectedException(422, problemType, "file", message);
    }

    /** Refused because a check could not be made (the antivirus is unreachable): 503, the user tries again later. */
    static DocumentRejectedException unavailable(String problemType, String message) {
        return new DocumentRejectedException(503, problemType, "file", message);
    }

    static DocumentRejectedException unsupported(String message) {
        return new DocumentRejectedException(415, "format-de-fichier-refuse", "file", message);
    }

    @Override
    public int httpStatus() {
        return status;
    }
}
