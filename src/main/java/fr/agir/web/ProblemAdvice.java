package fr.agir.web;

import fr.agir.shared.DomainException;
import fr.agir.shared.Problems;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Every API failure as application/problem+json, in French, with the faulty fields named. */
@RestControllerAdvice(basePackages = "fr.agir")
public class ProblemAdvice {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e) {
        ProblemDetail problem = Problems.of(e.httpStatus(), e.problemType(), title(e.httpStatus()), e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("erreurs", e.fieldErrors());
        }
        return problem;
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "saisie-invalide", title(422),
                "Certains champs sont manquants ou invalides.");
        problem.setProperty("erreurs", errors);
        return problem;
    }

    @ExceptionHandler({HttpMessageNotReadableException.class, MethodArgumentTypeMismatchException.class})
    ProblemDetail unreadable(Exception e) {
        return Problems.of(HttpStatus.BAD_REQUEST, "requete-illisible", "Requête illisible",
                "La requête n'a pas pu être lue : vérifiez le format des données envoyées.");
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return Problems.of(HttpStatus.FORBIDDEN, "acces-refuse", title(403), "Votre rôle ne permet pas cette action.");
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ProblemDetail concurrent(Exception e) {
        return Problems.of(HttpStatus.CONFLICT, "modification-concurrente", title(409),
                "Quelqu'un a modifié ce dossier en même temps que vous. Rechargez-le puis recommencez.");
    }

    /** A unique constraint hit by two simultaneous requests (same SIRET, same number…). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ProblemDetail duplicate(DataIntegrityViolationException e) {
        log.warn("Constraint violation: {}", e.getMostSpecificCause().getMessage());
        return Problems.of(HttpStatus.CONFLICT, "doublon", title(409),
                "Cet enregistrement existe déjà ou vient d'être créé par quelqu'un d'autre. Rechargez la page.");
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e) {
        return Problems.of(HttpStatus.NOT_FOUND, "introuvable", title(404), "Cette adresse n'existe pas.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "erreur-interne", "Erreur interne",
                "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez plus tard.");
    }

    private static String title(int status) {
        return switch (status) {
            case 403 -> "Action interdite";
            case 404 -> "Introuvable";
            case 409 -> "Étape impossible dans l'état actuel";
            case 422 -> "Saisie invalide";
            default -> "Erreur";
        };
    }
}
