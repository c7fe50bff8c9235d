package fr.agir.jury;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.instruction.InstructionService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the jury's result for an application and hands it to the application's process: when a
 * jury session closes, for each application it took, or by hand outside any session.
 */
@Service
public class JuryService {
    public static final String ENTITY = "JURY_RESULT";

    private final JuryResultRepository results;
    private final SessionApplicationRepository sessionApplications;
    private final ApplicationService applications;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public JuryService(JuryResultRepository results, SessionApplicationRepository sessionApplications,
                       ApplicationService applications, Workflow workflow, AuditTrail audit, CurrentUser currentUser,
                       Clock clock) {
        this.results = results;
        this.sessionApplications = sessionApplications;
        this.applications = applications;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Records the result by hand, outside any jury session (a small campaign, a result given on paper).
     * An application a session has taken gets its result when that session closes, never here.
     */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public JuryResult record(Long applicationId, JuryResult.Verdict verdict, Integer durationYears,
                             Map<Integer, BigDecimal> amounts, String comment) {
        Application application = applications.get(applicationId);
        List<SessionApplication> taken = sessionApplications.findByApplicationId(applicationId);
        if (!taken.isEmpty()) {
            throw new StateConflictException("Ce dossier est examiné par la séance de jury n° " + taken.get(0).getSessionId()
                    + " : son avis lui sera transmis à la clôture de la séance.");
        }
        int duration = checkedDuration(application, durationYears);
        Map<Integer, BigDecimal> proposed = verdict == JuryResult.Verdict.FAVORABLE
                ? InstructionService.checkedAmounts(amounts, duration, "amounts")
                : Map.of();
        return store(application, verdict, duration, proposed, Texts.optional(comment, "comment", 2000));
    }

    /** The duration the jury proposes: the one requested when not given, never longer. */
    static int checkedDuration(Application application, Integer durationYears) {
        int duration = durationYears == null ? application.getDurationYears() : durationYears;
        if (duration < 1 || duration > application.getDurationYears()) {
            throw new InvalidInputException("Durée invalide.", Map.of("durationYears",
                    "Entre 1 et " + fr.agir.shared.French.years(application.getDurationYears()) + ", la durée demandée"));
        }
        return duration;
    }

    /** The result a closed session deliberated: already checked by the session, recorded as its secretary. */
    @Transactional
    JuryResult recordFromSession(SessionApplication proposal, String recordedBy) {
        Application application = applications.get(proposal.getApplicationId());
        return store(application, proposal.getVerdict(), proposal.getDurationYears(), proposal.amounts(),
                proposal.getComment(), recordedBy);
    }

    private JuryResult store(Application application, JuryResult.Verdict verdict, int duration,
                             Map<Integer, BigDecimal> proposed, String remarks) {
        return store(application, verdict, duration, proposed, remarks, currentUser.username());
    }

    private JuryResult store(Application application, JuryResult.Verdict verdict, int duration,
                             Map<Integer, BigDecimal> proposed, String remarks, String recordedBy) {
        Long applicationId = application.getId();
        if (results.findByApplicationId(applicationId).isPresent()) {
            throw new StateConflictException("Le jury s'est déjà prononcé sur ce dossier.");
        }
        JuryResult result = results.save(new JuryResult(applicationId, verdict, duration, remarks, recordedBy,
                Instant.now(clock)));
        applications.replaceAmounts(applicationId, AmountKind.JURY, proposed);
        audit.record(ENTITY, result.getId(), applicationId, AuditAction.JURY_RESULT_RECORDED, null, verdict,
                remarks == null ? French.amountsByYear(proposed) : remarks);
        // The jury is advisory and its opinion internal until the vote: the applicant only sees the stage.
        applications.changeStatus(applicationId, ApplicationStatus.AWAITING_VOTE, AuditAction.JURY_RESULT_RECORDED,
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
