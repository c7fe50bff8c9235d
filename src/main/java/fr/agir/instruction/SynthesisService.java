package fr.agir.instruction;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The instructor's synthesis through its form: prefilled from the opinions and the amounts requested. */
@Service
public class SynthesisService {
    private final InstructionService instruction;
    private final ApplicationService applications;
    private final Workflow workflow;

    public SynthesisService(InstructionService instruction, ApplicationService applications, Workflow workflow) {
        this.instruction = instruction;
        this.applications = applications;
        this.workflow = workflow;
    }

    /** What the synthesis page shows: the application, its opinions, and whether the synthesis is expected now. */
    public record SynthesisCase(Application application, List<Opinion> opinions, Map<Integer, BigDecimal> requested,
                                Map<Integer, BigDecimal> proposed, boolean expected) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public SynthesisCase synthesisCase(Long applicationId) {
        Application application = applications.visible(applicationId);
        return new SynthesisCase(application, instruction.opinionsOf(applicationId),
                applications.amounts(applicationId, AmountKind.REQUESTED),
                applications.amounts(applicationId, AmountKind.PROPOSED), expected(application));
    }

    /** The form's data: the opinions in words, the amounts requested as proposed amounts. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public ObjectNode formData(Long applicationId) {
        SynthesisCase c = synthesisCase(applicationId);
        return SynthesisForm.prefill(c.application().getDurationYears(), c.opinions(),
                c.proposed().isEmpty() ? c.requested() : c.proposed());
    }

    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public void submit(Long applicationId, JsonNode data) {
        Application application = applications.visible(applicationId);
        if (!expected(application)) {
            throw new StateConflictException(application.getSynthesis() != null
                    ? "La synthèse de cette candidature est déjà rédigée : elle ne peut plus être modifiée ici."
                    : "La synthèse n'est pas attendue à cette étape : les avis des directions sont encore attendus, "
                    + "ou le dossier est à une autre étape.");
        }
        SynthesisForm.Input input = SynthesisForm.read(data, application.getDurationYears());
        try {
            instruction.writeSynthesis(applicationId, input.summary(), input.proposedByYear());
        } catch (InvalidInputException e) {
            throw SynthesisForm.asFormErrors(e);
        }
    }

    private boolean expected(Application application) {
        try {
            workflow.pendingTask(application.getReference(), ProcessKeys.TASK_WRITE_SYNTHESIS, Map.of());
            return true;
        } catch (StateConflictException notNow) {
            return false;
        }
    }
}
