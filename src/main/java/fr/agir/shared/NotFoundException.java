package fr.agir.shared;

import java.util.Map;

/** Unknown id, or an id the caller may not see (never tells which): HTTP 404. */
public class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super("introuvable", message, Map.of());
    }

    /**
     * The one message for a record that does not exist or is not the caller's: the two cases must
     * read the same, so that ids cannot be probed.
     */
    public static NotFoundException notYours() {
        return new NotFoundException("Introuvable : ce dossier n'existe pas, ou vous n'y avez pas accès.");
    }

    @Override
    public int httpStatus() {
        return 404;
    }
}
