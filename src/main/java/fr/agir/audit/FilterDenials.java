package fr.agir.audit;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authorization.event.AuthorizationDeniedEvent;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Audits the requests refused by the URL rules (Cockpit or the engine's REST API reached by a
 * non-administrator). Refusals inside the services are audited where they become problems
 * ({@code ProblemAdvice}); a visitor who has not signed in is asked to, not audited.
 */
@Component
class FilterDenials {
    private final AuditTrail audit;

    FilterDenials(AuditTrail audit) {
        this.audit = audit;
    }

    @EventListener
    void onDenied(AuthorizationDeniedEvent<?> event) {
        if (!(event.getSource() instanceof HttpServletRequest request)) {
            return;
        }
        Authentication who = event.getAuthentication().get();
        if (who == null || !who.isAuthenticated() || who instanceof AnonymousAuthenticationToken) {
            return;
        }
        audit.recordDenied(request, 403, "rôle insuffisant");
    }
}
