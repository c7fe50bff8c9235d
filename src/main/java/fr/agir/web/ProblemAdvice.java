package fr.agir.web;

import fr.agir.audit.AuditTrail;
import fr.agir.shared.DomainException;
import fr.agir.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every API failure as application/problem+json, in French, with the faulty fields named.
 * Spring MVC's own failures (wrong method, media type, missing parameter…) keep their status and
 * get a French text.
 */
@RestControllerAdvice
public class ProblemAdvice extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    private final AuditTrail audit;

    public ProblemAdvice(AuditTrail audit) {
        this.audit = audit;
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e, HttpServletRequest request) {
        if (e.httpStatus() == 403 || e.httpStatus() == 404) {
            audit.recordDenied(request, e.httpStatus(), e.getMessage());
        }
        ProblemDetail problem = Problems.of(e.httpStatus(), e.problemType(), title(e.httpStatus()), e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("erreurs", e.fieldErrors());
        }
        e.properties().forEach(problem::setProperty);
        return problem;
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return unreadable();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        audit.recordDenied(request, 403, "rôle insuffisant");
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
        return Problems.of(HttpStatus.CONFLICT, "doublon", "Enregistrement en double",
                "Cet enregistrement existe déjà ou vient d'être créé par quelqu'un d'autre. Rechargez la page.");
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        log.error("Unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "erreur-interne", "Erreur interne",
                "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez plus tard.");
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        Map<String, String> errors = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> errors.putIfAbsent(f.getField(), f.getDefaultMessage()));
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_ENTITY, "saisie-invalide", title(422),
                "Certains champs sont manquants ou invalides.");
        problem.setProperty("erreurs", errors);
        return ResponseEntity.unprocessableEntity().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        return ResponseEntity.badRequest().body(unreadable());
    }

    /** The other Spring MVC failures: same status, French words; a page for a browser outside the API. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
                                                             HttpStatusCode status, WebRequest request) {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        boolean browserPage = accept != null && accept.contains("text/html")
                && !request.getDescription(false).startsWith("uri=/api/");
        if (browserPage) {
            return ResponseEntity.status(status).contentType(MediaType.TEXT_HTML)
                    .body(ErrorPages.htmlFor(status.value()));
        }
        return ResponseEntity.status(status).headers(headers).body(ErrorPages.problemFor(status.value()));
    }

    private static ProblemDetail unreadable() {
        return Problems.of(HttpStatus.BAD_REQUEST, "requete-illisible", "Requête illisible",
                "La requête n'a pas pu être lue : vérifiez le format des données envoyées.");
    }

    static String title(int status) {
        return switch (status) {
            case 403 -> "Action interdite";
            case 404 -> "Introuvable";
            case 409 -> "Étape impossible dans l'état actuel";
            case 422 -> "Saisie invalide";
            default -> "Erreur";
        };
    }
}
