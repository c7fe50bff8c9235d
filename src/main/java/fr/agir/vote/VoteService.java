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
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.TimeConfig;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records the Commission permanente's vote on an application: adopted as proposed, amended (another
 * amount or duration, never above the request), or rejected (with its motivation). The sitting's
 * bulk recording ({@link CommissionService#recordVote}) and the one-application API share the same
 * rules and the same {@link #apply} (decision, GRANTED amounts, audit, status, lifecycle message).
 */
@Service
public class VoteService {
    public static final String ENTITY = "DECISION";
    /** A délibération number: "CP-" year "-" month "-" three-digit order in the month, e.g. CP-2026-11-042. */
    public static final Pattern DELIBERATION_NUMBER = Pattern.compile("CP-\\d{4}-(0[1-9]|1[0-2])-\\d{3}");

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

    /** One application voted alone, outside any sitting's report (kept for small cases and older clients). */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Decision record(Long applicationId, Decision.Outcome outcome, String deliberationNumber,
                           LocalDate deliberationDate, Integer durationYears, Map<Integer, BigDecimal> amendedAmounts,
                           String motivation) {
        Application application = applications.get(applicationId);
        String number = checkedNumber(deliberationNumber);
        LocalDate date = checkedDate(deliberationDate, null);
        if (outcome == null) {
            throw new InvalidInputException("Choisissez la décision.", Map.of("outcome", "Décision obligatoire"));
        }
        JuryResult juryResult = jury.of(applicationId)
                .orElseThrow(() -> new StateConflictException("Le jury ne s'est pas encore prononcé sur ce dossier."));
        if (decisions.findByApplicationIdAndSupersededAtIsNull(applicationId).isPresent()) {
            throw new StateConflictException("La décision de la Commission permanente sur ce dossier est déjà enregistrée.");
        }
        int duration;
        Map<Integer, BigDecimal> granted;
        String why = null;
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
                granted = checkedAmendment(application, applications.amounts(applicationId, AmountKind.REQUESTED),
                        duration, amendedAmounts, "");
            }
            default -> {
                duration = juryResult.getDurationYears();
                granted = Map.of();
                why = checkedMotivation(motivation, "motivation");
            }
        }
        return apply(application, outcome, number, date, duration, granted, why, null);
    }

    /** A délibération number in the documented format, else 422. */
    static String checkedNumber(String deliberationNumber) {
        String number = deliberationNumber == null ? "" : deliberationNumber.strip();
        if (number.isEmpty()) {
            throw new InvalidInputException("Indiquez le numéro de la délibération.",
                    Map.of("deliberationNumber", "Numéro de la délibération obligatoire"));
        }
        if (!DELIBERATION_NUMBER.matcher(number).matches()) {
            throw new InvalidInputException("Le numéro de la délibération « " + abbreviated(number)
                    + " » n'a pas le format attendu CP-AAAA-MM-NNN (par exemple CP-2026-11-042).",
                    Map.of("deliberationNumber", "Format attendu : CP-AAAA-MM-NNN, par exemple CP-2026-11-042"));
        }
        return number;
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    /** A délibération date: given, not in the future, not before {@code notBefore} (the sitting) if given. */
    LocalDate checkedDate(LocalDate date, LocalDate notBefore) {
        if (date == null) {
            throw new InvalidInputException("Indiquez la date de la délibération.",
                    Map.of("deliberationDate", "Date de la délibération obligatoire"));
        }
        if (date.isAfter(LocalDate.now(clock.withZone(TimeConfig.PARIS)))) {
            throw new InvalidInputException("La date de la délibération ne peut pas être dans le futur.",
                    Map.of("deliberationDate", "Date dans le futur : " + French.date(date)));
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw new InvalidInputException("La délibération ne peut pas précéder la séance du "
                    + French.date(notBefore) + ".",
                    Map.of("deliberationDate", "Au plus tôt le " + French.date(notBefore) + ", date de la séance"));
        }
        return date;
    }

    static String checkedMotivation(String motivation, String field) {
        String text = motivation == null ? "" : motivation.strip();
        if (text.isEmpty()) {
            throw new InvalidInputException("Un rejet doit être motivé : la lettre de refus reprend sa motivation.",
                    Map.of(field, "Motivation du rejet obligatoire"));
        }
        if (text.length() > 2000) {
            throw new InvalidInputException("La motivation dépasse 2 000 caractères.", Map.of(field, "2 000 caractères au plus"));
        }
        return text;
    }

    /**
     * Amounts per year for {@code duration} years, each within the amount requested for that year, the
     * duration within the one requested; {@code prefix} names the line in the field errors ("lines[3].").
     */
    static Map<Integer, BigDecimal> checkedAmendment(Application application, Map<Integer, BigDecimal> requested,
                                                     int duration, Map<Integer, BigDecimal> amounts, String prefix) {
        if (duration < 1 || duration > application.getDurationYears()) {
            throw new InvalidInputException("Durée invalide pour le dossier " + application.getReference()
                    + " : au plus la durée demandée.", Map.of(prefix + "durationYears",
                    "Entre 1 et " + French.years(application.getDurationYears()) + ", la durée demandée"));
        }
        Map<Integer, BigDecimal> checked = InstructionService.checkedAmounts(amounts, duration, prefix + "amounts");
        Map<String, String> errors = new LinkedHashMap<>();
        checked.forEach((year, amount) -> {
            BigDecimal asked = requested.get(year);
            if (asked == null || amount.compareTo(asked) > 0) {
                errors.put(prefix + "amounts." + year, "Année " + year + " : " + Money.format(amount)
                        + " dépasse le montant demandé (" + Money.format(asked == null ? Money.ZERO : asked) + ")");
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le montant voté ne peut pas dépasser le montant demandé par la structure "
                    + "(dossier " + application.getReference() + ").", errors);
        }
        return checked;
    }

    /**
     * Records one checked decision: the decision row, the GRANTED amounts, the audit, the application's
     * status (voted grants), and the lifecycle's vote message, all in the caller's transaction.
     */
    Decision apply(Application application, Decision.Outcome outcome, String number, LocalDate date, int duration,
                   Map<Integer, BigDecimal> granted, String motivation, Long sittingId) {
        Long applicationId = application.getId();
        Decision fresh = new Decision(applicationId, outcome, number, date, duration, motivation,
                sittingId, currentUser.username(), Instant.now(clock));
        fresh.grant(granted);
        Decision decision = decisions.save(fresh);
        applications.replaceAmounts(applicationId, AmountKind.GRANTED, granted);
        audit.record(ENTITY, decision.getId(), applicationId, AuditAction.VOTE_RECORDED, null, outcome,
                "Délibération " + number + " du " + French.date(date)
                        + (granted.isEmpty() ? "" : " : " + French.amountsByYear(granted)));
        if (outcome.grants()) {
            applications.changeStatus(applicationId, ApplicationStatus.GRANTED, AuditAction.GRANT_VOTED,
                    "Délibération " + number + " du " + French.date(date));
        }
        workflow.correlate(ProcessKeys.MESSAGE_VOTE, application.getReference(), ProcessKeys.EVENT_VOTE,
                Map.of("voteOutcome", outcome.name()));
        return decision;
    }

    /** Ends a rejected application (the rejection letter comes with the notification issue). */
    @Transactional
    public void closeRejected(Long applicationId) {
        Decision decision = decisions.findByApplicationIdAndSupersededAtIsNull(applicationId).orElseThrow();
        applications.changeStatus(applicationId, ApplicationStatus.REJECTED, AuditAction.REJECTED,
                "Rejetée par la Commission permanente, délibération " + decision.getDeliberationNumber()
                        + (decision.getMotivation() == null ? "" : " : " + decision.getMotivation()));
    }

    /** The current decision: the last délibération on the application (a revision replaces the earlier one). */
    /** The decision a later délibération revised, if {@code decision} is such a revision. */
    @Transactional(readOnly = true)
    public Optional<Decision> revised(Decision decision) {
        return decision.getRevisesId() == null ? Optional.empty() : decisions.findById(decision.getRevisesId());
    }

    @Transactional(readOnly = true)
    public Decision of(Long applicationId) {
        return decisions.findByApplicationIdAndSupersededAtIsNull(applicationId)
                .orElseThrow(() -> new NotFoundException("Aucune décision n'est enregistrée pour ce dossier."));
    }
}
