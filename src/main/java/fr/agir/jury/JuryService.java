package fr.agir.jury;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.audit.AuditTrail;
import fr.agir.instruction.InstructionService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Texts;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the jury's result for an application and hands it to the application's process.
 * (Jury sessions, conflicts and scoring come with the jury issue; they will end by calling this.)
 */
@Service
public class JuryService {
    public static final String ENTITY = "JURY_RESULT";

    private final JuryResultRepository results;
    private final ApplicationService applications;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public JuryService(JuryResultRepository results, ApplicationService applications, Workflow workflow,
                       AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.results = results;
        this.applications = applications;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public JuryResult record(Long applicationId, JuryResult.Verdict verdict, Integer durationYears,
                             Map<Integer, BigDecimal> amounts, String comment) {
        Application application = applications.get(applicationId);
        int duration = durationYears == null ? application.getDurationYears() : durationYears;
        if (duration < 1 || duration > application.getDurationYears()) {
            throw new InvalidInputException("Durée invalide.", Map.of("durationYears",
                    "Entre 1 et " + application.getDurationYears() + " an(s), la durée demandée"));
        }
        Map<Integer, BigDecimal> proposed = verdict == JuryResult.Verdict.FAVORABLE
                ? InstructionService.checkedAmounts(amounts, duration, "amounts")
                : Map.of();
        String remarks = Texts.optional(comment, "comment", 2000);
        JuryResult result = results.save(new JuryResult(applicationId, verdict, duration, remarks,
                currentUser.username(), Instant.now(clock)));
        applications.replaceAmounts(applicationId, AmountKind.JURY, proposed);
        audit.record(ENTITY, result.getId(), applicationId, "JURY_RESULT_RECORDED", null, verdict,
                remarks == null ? French.amountsByYear(proposed) : remarks);
        // The jury is advisory and its opinion internal until the vote: the applicant only sees the stage.
        applications.changeStatus(applicationId, ApplicationStatus.AWAITING_VOTE, "JURY_RESULT_RECORDED",
                "Avis du jury rendu");
        workflow.correlate(ProcessKeys.MESSAGE_JURY_RESULT, application.getReference(), ProcessKeys.EVENT_JURY_RESULT,
                Map.of("juryVerdict", verdict.name()));
        return result;
    }

    @Transactional(readOnly = true)
    public Optional<JuryResult> of(Long applicationId) {
        return results.findByApplicationId(applicationId);
    }
}
