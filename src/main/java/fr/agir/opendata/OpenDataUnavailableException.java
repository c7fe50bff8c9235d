package fr.agir.opendata;

import fr.agir.shared.DomainException;
import java.util.Map;

/** The open-data files are not published now (the granting authority's SIRET is not configured): 503. */
public class OpenDataUnavailableException extends DomainException {
    public OpenDataUnavailableException() {
        super("donnees-ouvertes-indisponibles", "Les fichiers des subventions ne sont pas publiés pour le moment : "
                + "l'identifiant SIRET du Département n'est pas encore configuré dans Agir. Réessayez plus tard.",
                Map.of());
    }

    @Override
    public int httpStatus() {
        return 503;
    }
}
