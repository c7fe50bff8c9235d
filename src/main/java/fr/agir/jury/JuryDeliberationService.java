package fr.agir.jury;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.instruction.InstructionService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.shared.TimeConfig;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A session's phases (conflicts → scoring → deliberation → closed) and the deliberation's proposals
 * within the campaign's envelope. Each phase change completes the matching step of the session's
 * process ({@code bpmn/jury-session.bpmn}); closing it hands each result to its application.
 */
@Service
public class JuryDeliberationService {
    private static final String ENTITY = JurySessionService.ENTITY;

    private final JurySessionService sessions;
    private final SessionApplicationRepository sessionApplications;
    private final ScoringGridService grids;
    private final JuryService results;
    private final ApplicationService applications;
    private final JuryProperties properties;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public JuryDeliberationService(JurySessionService sessions, SessionApplicationRepository sessionApplications,
                                   ScoringGridService grids, JuryService results, ApplicationService applications,
                                   JuryProperties properties, Workflow workflow, AuditTrail audit,
                                   CurrentUser currentUser, Clock clock) {
        this.sessions = sessions;
        this.sessionApplications = sessionApplications;
        this.grids = grids;
        this.results = results;
        this.applications = applications;
        this.properties = properties;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /**
     * Opens scoring: every application has its members, and the campaign's grid is frozen — the
     * session scores with that version whatever is changed later.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public JurySession openScoring(Long sessionId) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.CONFLICTS);
        List<SessionApplication> taken = sessionApplications.findBySessionIdOrderByApplicationId(sessionId);
        if (taken.isEmpty()) {
            throw new StateConflictException("La séance n'a pris aucune candidature.");
        }
        Map<Long, Set<String>> assigned = sessions.assignedByApplication(sessionId);
        Map<Long, Application> byId = applications.byIds(taken.stream().map(SessionApplication::getApplicationId).toList());
        List<String> incomplete = taken.stream()
                .filter(t -> assigned.getOrDefault(t.getApplicationId(), Set.of()).size() < session.getJurorsPerApplication())
                .map(t -> byId.get(t.getApplicationId()).getReference()).toList();
        if (!incomplete.isEmpty()) {
            throw new StateConflictException("Ces dossiers n'ont pas encore "
                    + JurySessionService.count(session.getJurorsPerApplication(), "membre", "membres") + " sans conflit : " + String.join(", ", incomplete.subList(0, Math.min(20, incomplete.size())))
                    + (incomplete.size() > 20 ? "…" : "") + ". Répartissez-les, ajoutez des membres ou réduisez le nombre "
                    + "de membres par dossier.", Map.of("dossiers", incomplete));
        }
        ScoringGrid grid = grids.freezeLatest(session.getCampaignId());
        session.openScoring(grid.getId());
        audit.record(ENTITY, sessionId, null, AuditAction.JURY_SCORING_OPENED, JurySession.Phase.CONFLICTS, session.getPhase(),
                "Grille version " + grid.getGridVersion());
        workflow.complete(workflow.pendingTask(session.businessKey(), ProcessKeys.TASK_PREPARE_JURY_SESSION, Map.of()),
                Map.of("scoringReminderAt", scoringReminderAt(session)));
        return session;
    }

    /** When members who still have scores to submit are reminded: before scoring closes, at 9:00 in Paris. */
    java.util.Date scoringReminderAt(JurySession session) {
        LocalDate day = session.getScoringCloses().minus(properties.scoringReminderBefore());
        Instant at = day.atTime(LocalTime.of(9, 0)).atZone(TimeConfig.PARIS).toInstant();
        Instant now = Instant.now(clock);
        return java.util.Date.from(at.isBefore(now) ? now : at);
    }

    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public JurySession openDeliberation(Long sessionId) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.SCORING);
        session.openDeliberation();
        audit.record(ENTITY, sessionId, null, AuditAction.JURY_DELIBERATION_OPENED, JurySession.Phase.SCORING, session.getPhase(),
                null);
        workflow.complete(workflow.pendingTask(session.businessKey(), ProcessKeys.TASK_SCORE_APPLICATIONS, Map.of()),
                Map.of());
        return session;
    }

    public record ProposalInput(JuryResult.Verdict verdict, Integer durationYears, Map<Integer, BigDecimal> amounts,
                                SessionApplication.Nature nature, String comment) {
    }

    /** The deliberation's proposal for one application: opinion, duration, amount per year, envelope. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public SessionApplication propose(Long sessionId, Long applicationId, ProposalInput in) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.DELIBERATION);
        SessionApplication taken = sessions.taken(sessionId, applicationId);
        Application application = applications.get(applicationId);
        if (in == null || in.verdict() == null) {
            throw new InvalidInputException("Choisissez l'avis du jury.", Map.of("verdict", "Choisissez l'avis du jury"));
        }
        String comment = Texts.optional(in.comment(), "comment", 2000);
        int duration = JuryService.checkedDuration(application, in.durationYears());
        Map<Integer, BigDecimal> amounts = Map.of();
        if (in.verdict() == JuryResult.Verdict.FAVORABLE) {
            List<GridCriterion> failed = sessions.eliminatedBy(session, applicationId);
            if (!failed.isEmpty()) {
                throw new StateConflictException("Ce dossier est éliminé par la grille (« " + failed.get(0).getLabel()
                        + " » sous son seuil) : le jury ne peut pas proposer de le financer.");
            }
            amounts = InstructionService.checkedAmounts(in.amounts(), duration, "amounts");
            Map<Integer, BigDecimal> requested = applications.amounts(applicationId, AmountKind.REQUESTED);
            Map<String, String> over = new LinkedHashMap<>();
            amounts.forEach((year, amount) -> {
                BigDecimal asked = requested.get(year);
                if (asked != null && amount.compareTo(asked) > 0) {
                    over.put("amounts." + year, "Au plus le montant demandé pour l'année " + year + " ("
                            + Money.format(asked) + ")");
                }
            });
            if (!over.isEmpty()) {
                throw new InvalidInputException("Le jury ne propose pas plus que le montant demandé.", over);
            }
        }
        taken.propose(in.verdict(), duration, amounts,
                in.nature() == null ? SessionApplication.Nature.OPERATING : in.nature(), comment);
        audit.record(ENTITY, sessionId, applicationId, AuditAction.JURY_PROPOSAL_RECORDED, null, in.verdict(),
                amounts.isEmpty() ? comment : fr.agir.shared.French.amountsByYear(amounts));
        return taken;
    }

    /**
     * Closes the deliberation: every application has the jury's opinion, and the favourable ones fit
     * what is left of the campaign's envelope, per part (operating, investment). The session's
     * process then hands each result to its application.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public JurySession close(Long sessionId) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.DELIBERATION);
        List<SessionApplication> taken = sessionApplications.findBySessionIdOrderByApplicationId(sessionId);
        long undecided = taken.stream().filter(t -> t.getVerdict() == null).count();
        if (undecided > 0) {
            throw new StateConflictException((undecided > 1 ? undecided + " dossiers n'ont" : "1 dossier n'a")
                    + " pas encore l'avis du jury : "
                    + "la séance ne peut pas être close.");
        }
        JurySessionService.Envelope envelope = sessions.envelope(session, taken);
        List<String> over = new ArrayList<>();
        envelope.parts().forEach((nature, part) -> {
            if (part.remaining().signum() < 0) {
                over.add(nature.label() + " : " + Money.format(part.proposed()) + " proposés pour "
                        + Money.format(part.available()) + " disponibles");
            }
        });
        if (!over.isEmpty()) {
            throw new StateConflictException("Les propositions dépassent l'enveloppe de la campagne — "
                    + String.join(" ; ", over) + ". Réduisez des montants ou écartez des dossiers avant de clore.",
                    Map.of("depassements", over));
        }
        session.close(currentUser.username(), Instant.now(clock));
        audit.record(ENTITY, sessionId, null, AuditAction.JURY_SESSION_CLOSED, JurySession.Phase.DELIBERATION, session.getPhase(),
                JurySessionService.count(taken.stream().filter(SessionApplication::isFavourable).count(), "avis favorable",
                        "avis favorables") + " sur " + taken.size());
        workflow.complete(workflow.pendingTask(session.businessKey(), ProcessKeys.TASK_DELIBERATE, Map.of()), Map.of());
        return session;
    }

    /** Run by the session's process after closing: each application's result goes to its lifecycle. */
    @Transactional
    public int transmitResults(Long sessionId) {
        JurySession session = sessions.session(sessionId);
        if (session.getPhase() != JurySession.Phase.CLOSED) {
            throw new IllegalStateException("Session " + sessionId + " is not closed");
        }
        int sent = 0;
        for (SessionApplication taken : sessionApplications.findBySessionIdOrderByApplicationId(sessionId)) {
            // A structure may withdraw its application until the vote: its lifecycle has ended, nothing to send.
            if (results.of(taken.getApplicationId()).isEmpty() && applications.get(taken.getApplicationId())
                    .getStatus() != fr.agir.application.ApplicationStatus.WITHDRAWN) {
                results.recordFromSession(taken, session.getClosedBy());
                sent++;
            }
        }
        return sent;
    }
}
