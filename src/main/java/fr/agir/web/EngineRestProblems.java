package fr.agir.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.agir.audit.AuditTrail;
import fr.agir.shared.Problems;
import fr.agir.workflow.StepsThroughAgirOnly.StepRefusedException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * The engine's REST API (/engine-rest, Jersey, with its own exception mappers) answers a step refused
 * by {@link fr.agir.workflow.StepsThroughAgirOnly} — an administrator completing an Agir task there —
 * like Agir's API does: 403 problem+json in French, and the refusal in the audit trail.
 */
@Component
class EngineRestProblems implements ResourceConfigCustomizer {
    private final AuditTrail audit;
    private final ObjectMapper json;

    EngineRestProblems(AuditTrail audit, ObjectMapper json) {
        this.audit = audit;
        this.json = json;
    }

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new StepRefused(audit, json));
    }

    /** Registered as an instance: Jersey injects the request into its field. */
    static final class StepRefused implements ExceptionMapper<StepRefusedException> {
        private final AuditTrail audit;
        private final ObjectMapper json;
        @Context
        private HttpServletRequest request;

        StepRefused(AuditTrail audit, ObjectMapper json) {
            this.audit = audit;
            this.json = json;
        }

        @Override
        public Response toResponse(StepRefusedException e) {
            if (request != null) {
                audit.recordDenied(request, 403, "étape hors d'Agir");
            }
            ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "etape-hors-agir", ProblemAdvice.title(403),
                    e.getMessage());
            // Written by Agir's own mapper (the engine's knows nothing of ProblemDetail).
            String body;
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException impossible) {
                throw new IllegalStateException(impossible);
            }
            return Response.status(403).type(MediaType.APPLICATION_PROBLEM_JSON_VALUE + ";charset=UTF-8").entity(body)
                    .build();
        }
    }
}
