package fr.agir.vote;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.instruction.InstructionService;
import fr.agir.jury.JuryResult;
import fr.agir.jury.JuryService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.French;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the Commission permanente's vote on an application: adopted as the jury proposed,
 * amended (another amount or duration), or rejected.
 */
@Service
public class VoteService {
    public static final String ENTITY = "DECISION";

    private final DecisionRepository decisions;
    private final ApplicationService applications;
    private final JuryService jury;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public VoteService(DecisionRepository decisions, ApplicationService applications, JuryService jury,
                       Workflow workflow, AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.decisions = decisions;
        this.applications = applications;
        this.jury = jury;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Decision record(Long applicationId, Decision.Outcome outcome, String deliberationNumber,
                           LocalDate deliberationDate, Integer durationYears, Map<Integer, BigDecimal> amendedAmounts) {
        Application application = applications.get(applicationId);
        String number = Texts.required(deliberationNumber, "deliberationNumber", 40,
                "Indiquez le numéro de la délibération");
        if (deliberationDate == null) {
            throw new InvalidInputException("Indiquez la date de la délibération.",
                    Map.of("deliberationDate", "Date de la délibération obligatoire"));
        }
        JuryResult juryResult = jury.of(applicationId)
                .orElseThrow(() -> new StateConflictException("Le jury ne s'est pas encore prononcé sur ce dossier."));
        int duration;
        Map<Integer, BigDecimal> granted;
        switch (outcome) {
            case ADOPTED -> {
                if (juryResult.getVerdict() != JuryResult.Verdict.FAVORABLE) {
                    throw new InvalidInputException("Le jury n'a pas proposé de montant : une subvention votée sur ce "
                            + "dossier est un amendement, avec son montant.", Map.of("outcome", "Utilisez AMENDED"));
                }
                duration = juryResult.getDurationYears();
                granted = applications.amounts(applicationId, AmountKind.JURY);
            }
            case AMENDED -> {
                duration = durationYears == null ? juryResult.getDurationYears() : durationYears;
                if (duration < 1 || duration > application.getDurationYears()) {
                    throw new InvalidInputException("Durée invalide.", Map.of("durationYears",
                            "Entre 1 et " + French.years(application.getDurationYears())));
                }
                granted = InstructionService.checkedAmounts(amendedAmounts, duration, "amounts");
            }
            default -> {
                duration = juryResult.getDurationYears();
                granted = Map.of();
            }
        }
        Decision decision = decisions.save(new Decision(applicationId, outcome, number,
                deliberationDate, duration, currentUser.username(), Instant.now(clock)));
        applications.replaceAmounts(applicationId, AmountKind.GRANTED, granted);
        audit.record(ENTITY, decision.getId(), applicationId, AuditAction.VOTE_RECORDED, null, outcome,
                "Délibération " + number + " du " + French.date(deliberationDate)
                        + (granted.isEmpty() ? "" : " : " + French.amountsByYear(granted)));
        if (outcome != Decision.Outcome.REJECTED) {
            applications.changeStatus(applicationId, ApplicationStatus.GRANTED, AuditAction.GRANT_VOTED,
                    "Délibération " + number + " du " + French.date(deliberationDate));
        }
        workflow.correlate(ProcessKeys.MESSAGE_VOTE, application.getReference(), ProcessKeys.EVENT_VOTE,
                Map.of("voteOutcome", outcome.name()));
        return decision;
    }

    /** Ends a rejected application (the rejection letter comes with the notification issue). */
    @Transactional
    public void closeRejected(Long applicationId) {
        Decision decision = decisions.findByApplicationId(applicationId).orElseThrow();
        applications.changeStatus(applicationId, ApplicationStatus.REJECTED, AuditAction.REJECTED,
                "Rejetée par la Commission permanente, délibération " + decision.getDeliberationNumber());
    }

    @Transactional(readOnly = true)
    public Decision of(Long applicationId) {
        return decisions.findByApplicationId(applicationId)
                .orElseThrow(() -> new NotFoundException("Aucune décision n'est enregistrée pour ce dossier."));
    }
}
