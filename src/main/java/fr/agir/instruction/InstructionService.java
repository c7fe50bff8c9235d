package fr.agir.instruction;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.application.ApplicationStatus;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.security.Directorate;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.French;
import fr.agir.shared.Money;
import fr.agir.shared.Texts;
import fr.agir.shared.NotFoundException;
import fr.agir.structure.StructureService;
import fr.agir.workflow.Deadlines;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import fr.agir.workflow.Workflow.PendingStep;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Completeness, missing pieces, routed opinions and the instructor's synthesis. */
@Service
public class InstructionService {
    public static final String OPINION = "OPINION";

    public enum Completeness { COMPLETE, MISSING_PIECES, INELIGIBLE }

    private final ApplicationService applications;
    private final StructureService structures;
    private final OpinionRepository opinions;
    private final Workflow workflow;
    private final Deadlines deadlines;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final MissingPiecesMail missingPiecesMail;

    private final InadmissibilityLetter inadmissibilityLetter;

    public InstructionService(ApplicationService applications, StructureService structures,
                              OpinionRepository opinions, Workflow workflow, Deadlines deadlines, AuditTrail audit,
                              CurrentUser currentUser, Clock clock, MissingPiecesMail missingPiecesMail,
                              InadmissibilityLetter inadmissibilityLetter) {
        this.applications = applications;
        this.structures = structures;
        this.opinions = opinions;
        this.workflow = workflow;
        this.deadlines = deadlines;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
        this.missingPiecesMail = missingPiecesMail;
        this.inadmissibilityLetter = inadmissibilityLetter;
    }

    /** The instructor's completeness decision on a submitted application. */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public void decideCompleteness(Long applicationId, Completeness outcome, String reason, String missingPieces) {
        decideCompleteness(applicationId, outcome, reason, missingPieces, RoutingChange.NONE);
    }

    /**
     * The instructor's change to the directorates the routing table proposes, with its reason; applied
     * when the opinions are requested, and traced.
     */
    public record RoutingChange(Set<Directorate> added, Set<Directorate> removed, String reason) {
        public static final RoutingChange NONE = new RoutingChange(Set.of(), Set.of(), null);

        public RoutingChange {
            added = added == null ? Set.of() : Set.copyOf(added);
            removed = removed == null ? Set.of() : Set.copyOf(removed);
        }

        boolean isEmpty() {
            return added.isEmpty() && removed.isEmpty();
        }
    }

    /** The directorates the routing table ({@code bpmn/opinion-routing.dmn}) proposes for the application. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Directorate> routingProposal(Long applicationId) {
        Application application = applications.get(applicationId);
        return workflow.decide(ProcessKeys.OPINION_ROUTING, ProcessKeys.APPLICATION_LIFECYCLE,
                application.getReference(), "directorate").stream().map(Directorate::valueOf).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public void decideCompleteness(Long applicationId, Completeness outcome, String reason, String missingPieces,
                                   RoutingChange routing) {
        Application application = applications.get(applicationId);
        PendingStep task = workflow.pendingTask(application.getReference(), ProcessKeys.TASK_CHECK_COMPLETENESS, Map.of());
        checkDecision(outcome, reason, missingPieces, routing);
        String why = Texts.optional(reason, "reason", 900);
        Map<String, Object> variables = new java.util.HashMap<>();
        switch (outcome) {
            case COMPLETE -> {
                if (!routing.isEmpty()) {
                    variables.putAll(routingVariables(routing));
                }
                applications.changeStatus(applicationId, ApplicationStatus.UNDER_REVIEW,
                        AuditAction.DECLARED_COMPLETE, why == null ? "Dossier complet et recevable" : why);
            }
            case MISSING_PIECES -> {
                String pieces = missingPieces.strip();
                LocalDate due = deadlines.missingPiecesDueFrom(LocalDate.now(clock), application.getCampaignId());
                applications.recordMissingPieces(applicationId, pieces);
                applications.changeStatus(applicationId, ApplicationStatus.AWAITING_PIECES, AuditAction.MISSING_PIECES_REQUESTED,
                        "Pièces demandées avant le " + French.date(due) + " : " + pieces);
                missingPiecesMail.send(application, pieces, due);
            }
            case INELIGIBLE -> {
                // the motivation, checked above, goes with the letter the process sends
            }
        }
        variables.put("completeness", outcome.name());
        variables.put("completenessReason", why == null ? "" : why);
        workflow.complete(task, variables);
    }

    /**
     * The decision's own rules, checked before anything is read or changed: the motivation of an
     * inadmissibility, the list of missing pieces, the reason for changing the directorates consulted.
     * The page asks the instructor to confirm only a decision that passes them.
     */
    public static void checkDecision(Completeness outcome, String reason, String missingPieces, RoutingChange routing) {
        Texts.optional(reason, "reason", 900);
        switch (outcome) {
            case COMPLETE -> {
                if (!routing.isEmpty()) {
                    routingVariables(routing);
                }
            }
            case MISSING_PIECES -> Texts.required(missingPieces, "missingPieces", 900, "Listez les pièces à fournir");
            case INELIGIBLE -> Texts.required(reason, "reason", 900,
                    "Motivez l'inéligibilité : elle sera notifiée à la structure");
        }
    }

    private static Map<String, Object> routingVariables(RoutingChange routing) {
        if (routing.added().stream().anyMatch(routing.removed()::contains)) {
            throw new InvalidInputException("Changement de routage incohérent.", Map.of("routing",
                    "Une direction ne peut pas être à la fois ajoutée et retirée"));
        }
        if (routing.added().contains(Directorate.DIEESS) || routing.removed().contains(Directorate.DIEESS)) {
            throw new InvalidInputException("Changement de routage incohérent.", Map.of("routing",
                    "La DIEESS instruit le dossier : elle ne donne pas d'avis de direction"));
        }
        String reason = Texts.required(routing.reason(), "routingReason", 900,
                "Motivez le changement des directions consultées : il est tracé");
        Map<String, Object> variables = new java.util.HashMap<>();
        variables.put("routingAdded", new ArrayList<>(routing.added().stream().map(Enum::name).sorted().toList()));
        variables.put("routingRemoved", new ArrayList<>(routing.removed().stream().map(Enum::name).sorted().toList()));
        variables.put("routingReason", reason);
        return variables;
    }

    /** The applicant says the missing pieces are now in his case file: back to the completeness check. */
    @Transactional
    @PreAuthorize("hasRole('APPLICANT')")
    public void answerMissingPieces(Long applicationId, String comment) {
        Application application = applications.get(applicationId);
        structures.checkMember(application.getStructureId());
        PendingStep task = workflow.pendingTask(application.getReference(), ProcessKeys.TASK_PROVIDE_MISSING_PIECES, Map.of());
        String answer = Texts.optional(comment, "comment", 900);
        applications.linkCaseFileDocuments(applicationId);
        applications.changeStatus(applicationId, ApplicationStatus.SUBMITTED, AuditAction.MISSING_PIECES_PROVIDED,
                answer == null ? "Pièces complémentaires déposées" : answer);
        workflow.complete(task, Map.of());
    }

    /**
     * Reopens an inadmissibility (a piece had arrived, the deadline was miscounted…): the application
     * goes back to the completeness check, with the reason in its history.
     */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public void reopenCompleteness(Long applicationId, String reason) {
        Application application = applications.get(applicationId);
        if (application.getStatus() != ApplicationStatus.INADMISSIBLE) {
            throw new StateConflictException("Seule une candidature déclarée irrecevable peut être rouverte ; "
                    + "celle-ci est « " + application.getStatus().label() + " ».");
        }
        String why = Texts.required(reason, "reason", 900, "Motivez la réouverture : elle est tracée");
        applications.changeStatus(applicationId, ApplicationStatus.SUBMITTED, AuditAction.REOPENED, why);
        workflow.startAt(ProcessKeys.APPLICATION_LIFECYCLE, application.getReference(),
                ProcessKeys.TASK_CHECK_COMPLETENESS, applications.lifecycleVariables(application));
    }

    /** Ends the application as inadmissible: ineligible, or missing pieces not sent in time. */
    @Transactional
    public void declareInadmissible(Long applicationId, boolean missingPiecesDeadlinePassed, String reason) {
        applications.changeStatus(applicationId, ApplicationStatus.INADMISSIBLE, AuditAction.DECLARED_INADMISSIBLE,
                missingPiecesDeadlinePassed
                        ? "Pièces complémentaires non fournies dans le délai"
                        : reason);
        inadmissibilityLetter.send(applications.get(applicationId));
    }

    /**
     * Asks each directorate picked by the routing table for its opinion (once, even if several
     * rules named it) and returns the directorates asked.
     */
    @Transactional
    public List<String> requestOpinions(Long applicationId, List<String> routed) {
        return requestOpinions(applicationId, routed, List.of(), List.of(), null);
    }

    /**
     * Asks each directorate for its opinion: those the routing table picked (once each), less those
     * the instructor removed, plus those he added; his change is traced with its reason.
     */
    @Transactional
    public List<String> requestOpinions(Long applicationId, List<String> routed, List<String> added,
                                        List<String> removed, String reason) {
        Set<String> distinct = new LinkedHashSet<>(routed);
        if (!added.isEmpty() || !removed.isEmpty()) {
            distinct.removeAll(removed);
            distinct.addAll(added);
            audit.record(OPINION, null, applicationId, AuditAction.ROUTING_ADJUSTED, null, null,
                    "Proposition de la table de routage : " + listed(new LinkedHashSet<>(routed))
                            + " ; ajout : " + listed(added) + " ; retrait : " + listed(removed)
                            + " ; motif : " + reason);
        }
        Instant now = Instant.now(clock);
        LocalDate due = deadlines.opinionDueFrom(LocalDate.now(clock), applications.get(applicationId).getCampaignId());
        for (String code : distinct) {
            Opinion opinion = opinions.save(new Opinion(applicationId, Directorate.valueOf(code), now, due));
            audit.record(OPINION, opinion.getId(), applicationId, AuditAction.OPINION_REQUESTED, null, Opinion.Status.REQUESTED,
                    "Avis demandé à " + code + " pour le " + French.date(due));
        }
        return List.copyOf(distinct);
    }

    private static String listed(java.util.Collection<String> codes) {
        return codes.isEmpty() ? "aucune" : String.join(", ", codes);
    }


    /** A reviewer of the directorate gives its opinion. */
    @Transactional
    @PreAuthorize("hasRole('REVIEWER')")
    public Opinion giveOpinion(Long applicationId, Directorate directorate, Opinion.Verdict verdict, String comment,
                               BigDecimal suggestedAmount) {
        if (!currentUser.directorates().contains(directorate)) {
            throw new ForbiddenActionException("Vous ne pouvez donner un avis qu'au nom de votre direction.");
        }
        Application application = applications.get(applicationId);
        Opinion opinion = opinions.findByApplicationIdAndDirectorate(applicationId, directorate)
                .orElseThrow(NotFoundException::notYours);
        PendingStep task = workflow.pendingTask(application.getReference(), ProcessKeys.TASK_GIVE_OPINION,
                Map.of("directorate", directorate.name()));
        String motivation = Texts.required(comment, "comment", 2000, "Motivez l'avis");
        opinion.give(verdict, motivation, Money.euros(suggestedAmount, "suggestedAmount"), currentUser.username(),
                Instant.now(clock));
        audit.record(OPINION, opinion.getId(), applicationId, AuditAction.OPINION_GIVEN, Opinion.Status.REQUESTED,
                Opinion.Status.GIVEN, directorate + " : avis " + verdict.label());
        workflow.complete(task, Map.of());
        return opinion;
    }

    /** Past the deadline: the instruction goes on and the case shows "sans avis". */
    @Transactional
    public void recordMissingOpinion(Long applicationId, String directorate) {
        opinions.findByApplicationIdAndDirectorate(applicationId, Directorate.valueOf(directorate)).ifPresent(o -> {
            o.expire();
            audit.record(OPINION, o.getId(), applicationId, AuditAction.OPINION_EXPIRED, Opinion.Status.REQUESTED,
                    Opinion.Status.EXPIRED, "Sans avis de " + directorate + " à l'échéance du "
                            + French.date(o.getDueDate()));
        });
    }

    /** The instructor's synthesis and proposed amount per year; the application then awaits the jury. */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public void writeSynthesis(Long applicationId, String summary, Map<Integer, BigDecimal> proposedByYear) {
        Application application = applications.get(applicationId);
        PendingStep task = workflow.pendingTask(application.getReference(), ProcessKeys.TASK_WRITE_SYNTHESIS, Map.of());
        String text = Texts.required(summary, "summary", 4000, "Rédigez la synthèse");
        applications.replaceAmounts(applicationId, AmountKind.PROPOSED,
                checkedAmounts(proposedByYear, application.getDurationYears(), "proposedAmounts"));
        applications.recordSynthesis(applicationId, text);
        // The proposal stays internal: the reason is shown to the applicant.
        applications.changeStatus(applicationId, ApplicationStatus.AWAITING_JURY, AuditAction.SYNTHESIS_WRITTEN,
                "Instruction terminée");
        workflow.complete(task, Map.of());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN', 'REVIEWER')")
    public List<Opinion> opinionsOf(Long applicationId) {
        return opinions.findByApplicationIdOrderByDirectorate(applicationId);
    }

    /** The opinions shown to a jury member: the jury capability has checked the application is assigned to him. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public List<Opinion> opinionsForJury(Long applicationId) {
        return opinions.findByApplicationIdOrderByDirectorate(applicationId);
    }

    /**
     * Amounts per year for a grant of {@code durationYears}: one positive amount per year, in
     * euros and cents, nothing beyond the duration.
     */
    public static Map<Integer, BigDecimal> checkedAmounts(Map<Integer, BigDecimal> byYear, int durationYears,
                                                          String field) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<Integer, BigDecimal> result = new LinkedHashMap<>();
        for (int year = 1; year <= durationYears; year++) {
            BigDecimal amount = byYear == null ? null : byYear.get(year);
            if (amount == null || amount.signum() <= 0) {
                errors.put(field + "." + year, "Montant de l'année " + year + " manquant");
            } else {
                result.put(year, Money.euros(amount, field + "." + year));
            }
        }
        if (byYear != null) {
            byYear.keySet().stream().filter(y -> y < 1 || y > durationYears)
                    .forEach(y -> errors.put(field + "." + y, "Année hors de la durée (" + French.years(durationYears) + ")"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Les montants par année sont incomplets.", errors);
        }
        return result;
    }

}
