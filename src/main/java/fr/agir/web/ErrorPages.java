package fr.agir.web;

import fr.agir.shared.Problems;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the servlet container shows when nothing else answered (unknown address, wrong method
 * before any controller…): a French page for browsers, a problem+json for everything else.
 */
@RestController
public class ErrorPages implements ErrorController {
    private final ErrorPageRenderer pages;

    public ErrorPages(ErrorPageRenderer pages) {
        this.pages = pages;
    }

    @RequestMapping(value = "/error", produces = MediaType.TEXT_HTML_VALUE)
    public ResponseEntity<Object> page(HttpServletRequest request) {
        return pages.page(problemFor(status(request)), null, null);
    }

    @RequestMapping("/error")
    public ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
        int status = status(request);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problemFor(status));
    }

    static ProblemDetail problemFor(int status) {
        return switch (status) {
            case 400 -> Problems.of(status, "requete-invalide", "Requête invalide",
                    "La requête est incomplète ou mal formée.");
            case 401 -> Problems.of(status, "non-authentifie", "Connexion requise",
                    "Vous devez vous connecter pour accéder à ce service.");
            case 403 -> Problems.of(status, "acces-refuse", "Accès refusé", "Vous n'avez pas accès à cette page.");
            case 404 -> Problems.of(status, "introuvable", "Introuvable", "Cette adresse n'existe pas.");
            case 405 -> Problems.of(status, "methode-non-autorisee", "Méthode non autorisée",
                    "Cette adresse n'accepte pas ce type de requête.");
            case 406 -> Problems.of(status, "format-indisponible", "Format indisponible",
                    "Cette ressource n'existe pas dans le format demandé.");
            case 415 -> Problems.of(status, "format-non-pris-en-charge", "Format non pris en charge",
                    "Envoyez les données au format JSON (Content-Type: application/json).");
            default -> status >= 500
                    ? Problems.of(status, "erreur-interne", "Erreur interne",
                    "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez plus tard.")
                    : Problems.of(status, "erreur", "Erreur", "La requête n'a pas pu aboutir.");
        };
    }

    private static int status(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        return HttpStatus.resolve(status) == null ? 500 : status;
    }
}
