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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.util.unit.DataSize;
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
    private final ErrorPageRenderer pages;
    /** Only to name the limit in the message when the servlet's multipart limit cut an upload short. */
    @Value("${agir.documents.max-size:10MB}")
    private DataSize maxDocumentSize;

    public ProblemAdvice(AuditTrail audit, ErrorPageRenderer pages) {
        this.audit = audit;
        this.pages = pages;
    }

    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> domain(DomainException e, HttpServletRequest request) {
        if (e.httpStatus() == 403 || e.httpStatus() == 404) {
            audit.recordDenied(request, e.httpStatus(), e.getMessage());
        }
        ProblemDetail problem = Problems.of(e.httpStatus(), e.problemType(), title(e.httpStatus()), e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            problem.setProperty("erreurs", e.fieldErrors());
        }
        e.properties().forEach(problem::setProperty);
        return pageOr(request, problem);
    }

    /** A page gets a French page with the same words and a way back; the API its problem+json. */
    private ResponseEntity<Object> pageOr(HttpServletRequest request, ProblemDetail problem) {
        if (!ErrorPageRenderer.wantsPage(request.getHeader(HttpHeaders.ACCEPT), request.getRequestURI())) {
            return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        return pages.page(problem, null, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return unreadable();
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<Object> denied(AccessDeniedException e, HttpServletRequest request) {
        audit.recordDenied(request, 403, "rôle insuffisant");
        return pageOr(request, Problems.of(HttpStatus.FORBIDDEN, "acces-refuse", title(403),
                "Votre rôle ne permet pas cette action."));
    }

    @ExceptionHandler({OptimisticLockingFailureException.class, OptimisticLockingException.class})
    ResponseEntity<Object> concurrent(Exception e, HttpServletRequest request) {
        return pageOr(request, Problems.of(HttpStatus.CONFLICT, "modification-concurrente", title(409),
                "Quelqu'un a modifié ce dossier en même temps que vous. Rechargez-le puis recommencez."));
    }

    /** A unique constraint hit by two simultaneous requests (same SIRET, same number…). */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> duplicate(DataIntegrityViolationException e, HttpServletRequest request) {
        log.warn("Constraint violation: {}", e.getMostSpecificCause().getMessage());
        return pageOr(request, Problems.of(HttpStatus.CONFLICT, "doublon", "Enregistrement en double",
                "Cet enregistrement existe déjà ou vient d'être créé par quelqu'un d'autre. Rechargez la page."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error", e);
        return pageOr(request, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "erreur-interne", "Erreur interne",
                "Une erreur inattendue est survenue ; rien n'a été enregistré. Réessayez plus tard."));
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
        if (ErrorPageRenderer.wantsPage(request.getHeader(HttpHeaders.ACCEPT),
                request.getDescription(false).replaceFirst("^uri=", ""))) {
            return pages.page(ErrorPages.problemFor(status.value()), null, null);
        }
        return ResponseEntity.status(status).headers(headers).body(ErrorPages.problemFor(status.value()));
    }

    /**
     * A file above the servlet's multipart limit (set a little above {@code agir.documents.max-size},
     * which the document vault checks itself): 413 in French, as a page for a browser.
     */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                           HttpHeaders headers, HttpStatusCode status,
                                                                           WebRequest request) {
        long mb = maxDocumentSize.toMegabytes();
        String detail = "Le fichier envoyé est trop volumineux : " + (mb > 0 ? mb + " Mo" : maxDocumentSize.toKilobytes()
                + " Ko") + " au plus par pièce. Réduisez-le (par exemple en l'enregistrant en PDF de qualité « écran ») "
                + "puis recommencez.";
        String uri = request.getDescription(false).replaceFirst("^uri=", "");
        if (ErrorPageRenderer.wantsPage(request.getHeader(HttpHeaders.ACCEPT), uri)) {
            return pages.page(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "fichier-trop-volumineux", title(413), detail),
                    uri.startsWith("/portail/") ? uri : "/", "Revenir au formulaire");
        }
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "fichier-trop-volumineux", title(413), detail));
    }

    private static ProblemDetail unreadable() {
        return Problems.of(HttpStatus.BAD_REQUEST, "requete-illisible", "Requête illisible",
                "La requête n'a pas pu être lue : vérifiez le format des données envoyées.");
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Requête invalide";
            case 403 -> "Action interdite";
            case 404 -> "Introuvable";
            case 409 -> "Étape impossible dans l'état actuel";
            case 413 -> "Fichier trop volumineux";
            case 415 -> "Format de fichier refusé";
            case 422 -> "Saisie invalide";
            case 503 -> "Service momentanément indisponible";
            default -> "Erreur";
        };
    }
}
