package fr.agir.structure;

import fr.agir.web.ProblemAdvice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * A file over the servlet's multipart limit sent from the vault page: the body could not be read,
 * so no controller runs. Instead of an error page at the form's address (which carries the CSRF
 * token), back to the page's clean address with the error. Anything else goes to
 * {@link ProblemAdvice} as before.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DocumentUploadLimitAdvice {
    private static final Pattern VAULT_PAGE = Pattern.compile("/portail/structures/\\d+/documents");
    /** The financial report's pieces, uploaded from the report page (into the vault): back to that page. */
    private static final Pattern REPORT_PIECES = Pattern.compile("(/portail/candidatures/\\d+/compte-rendu)/pieces");

    private final ProblemAdvice problems;
    private final DocumentVault vault;

    DocumentUploadLimitAdvice(ProblemAdvice problems, DocumentVault vault) {
        this.problems = problems;
        this.vault = vault;
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<Object> tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request,
                                    HttpServletResponse response, WebRequest web) throws Exception {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        java.util.regex.Matcher report = REPORT_PIECES.matcher(path);
        boolean fromReport = "POST".equals(request.getMethod()) && report.matches();
        if (fromReport) {
            path = report.group(1);
        } else if (!"POST".equals(request.getMethod()) || !VAULT_PAGE.matcher(path).matches()) {
            return problems.handleException(e, web);
        }
        RequestContextUtils.getOutputFlashMap(request).put(DocumentController.TOO_LARGE,
                "Le fichier envoyé est trop volumineux : " + vault.maxSizeText() + " au plus par pièce. Réduisez-le "
                        + "(par exemple en l'enregistrant en PDF de qualité « écran ») puis recommencez. Le fichier "
                        + "n'a pas pu être lu, ni le type et la date choisis : indiquez-les à nouveau.");
        RequestContextUtils.saveOutputFlashMap(path, request, response);
        return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(request.getContextPath() + path
                + (fromReport ? "#pieces" : "#erreurs"))).build();
    }
}
