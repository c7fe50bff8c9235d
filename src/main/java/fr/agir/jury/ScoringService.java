package fr.agir.jury;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.instruction.InstructionService;
import fr.agir.application.YearBudget;
import fr.agir.instruction.Opinion;
import fr.agir.instruction.SynthesisForm;
import fr.agir.security.CurrentUser;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.structure.DocumentVault;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureDocument;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What a jury member does: sees the sessions he sits in and the applications assigned to him, reads
 * their case summary, scores them on the session's frozen grid, and — only once his own score is
 * submitted — sees the others'. An application he is not assigned to, or has a conflict with, is a
 * 404 whatever the way in, as if it did not exist.
 */
@Service
public class ScoringService {
    private final JurySessionService sessions;
    private final SessionMemberRepository members;
    private final SessionApplicationRepository sessionApplications;
    private final JuryAssignmentRepository assignments;
    private final JuryScoreRepository scores;
    private final ConflictService conflicts;
    private final ScoringGridService grids;
    private final ApplicationService applications;
    private final InstructionService instruction;
    private final JurySessionRepository sessionRepository;
    private final JuryProperties properties;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ScoringService(JurySessionService sessions, SessionMemberRepository members,
                          SessionApplicationRepository sessionApplications, JuryAssignmentRepository assignments,
                          JuryScoreRepository scores, ConflictService conflicts, ScoringGridService grids,
                          ApplicationService applications, InstructionService instruction,
                          JurySessionRepository sessionRepository, JuryProperties properties, AuditTrail audit,
                          CurrentUser currentUser, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.sessionApplications = sessionApplications;
        this.assignments = assignments;
        this.scores = scores;
        this.conflicts = conflicts;
        this.grids = grids;
        this.applications = applications;
        this.instruction = instruction;
        this.sessionRepository = sessionRepository;
        this.properties = properties;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** One line of the member's list: an application assigned to him and where his score stands. */
    public record Assigned(Long applicationId, String reference, String title, String structureName, String thematic,
                           JuryScore.Status status, BigDecimal weighted) {
    }

    public record MySession(JurySession session, List<Assigned> assigned, List<Taken> taken) {
    }

    /** An application of the session, as a member sees it to declare a conflict: who applies, for what. */
    public record Taken(Long applicationId, Long structureId, String structureName, String commune, String title) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public List<MySession> mySessions() {
        List<MySession> result = new ArrayList<>();
        for (JurySession session : sessionRepository.findOfMember(currentUser.username())) {
            result.add(mySession(session));
        }
        return result;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public MySession mySession(Long sessionId) {
        return mySession(memberSession(sessionId));
    }

    private MySession mySession(JurySession session) {
        String me = currentUser.username();
        List<SessionApplication> all = sessionApplications.findBySessionIdOrderByApplicationId(session.getId());
        Map<Long, Application> byId = applications.byIds(all.stream().map(SessionApplication::getApplicationId).toList());
        Map<Long, Structure> structures = conflicts.structures(byId.values().stream().map(Application::getStructureId).toList());
        Map<Long, JuryScore> mine = new LinkedHashMap<>();
        scores.findBySessionIdAndUsername(session.getId(), me).forEach(s -> mine.put(s.getApplicationId(), s));
        Set<Long> conflicted = conflicts.conflictedStructures(me);
        List<Assigned> assigned = new ArrayList<>();
        for (JuryAssignment a : assignments.findBySessionIdAndUsername(session.getId(), me)) {
            Application app = byId.get(a.getApplicationId());
            if (app == null || conflicted.contains(app.getStructureId())) {
                continue;
            }
            JuryScore score = mine.get(app.getId());
            assigned.add(new Assigned(app.getId(), app.getReference(), app.getTitle(),
                    structures.get(app.getStructureId()).getName(),
                    app.getThematic() == null ? "" : app.getThematic().label(),
                    score == null ? null : score.getStatus(), score == null ? null : score.getWeighted()));
        }
        assigned.sort(java.util.Comparator.comparing(Assigned::reference));
        List<Taken> taken = session.getPhase() == JurySession.Phase.CLOSED ? List.of() : all.stream()
                .map(t -> byId.get(t.getApplicationId()))
                .map(app -> {
                    Structure s = structures.get(app.getStructureId());
                    return new Taken(app.getId(), s.getId(), s.getName(), s.getCommune(), app.getTitle());
                }).toList();
        return new MySession(session, assigned, taken);
    }

    /**
     * The case as the jury sees it: the project, the amounts, the budget, the pieces it relies on, the
     * synthesis and the directorates' opinions; never the structure's bank details. {@code synthesis}
     * is the instructor's text without the copy of the opinions Agir prefilled it with, as the
     * opinions are shown apart.
     */
    public record JuryCase(JurySession session, Application application, Structure structure,
                           Map<Integer, BigDecimal> requested, Map<Integer, BigDecimal> proposed, List<Opinion> opinions,
                           ScoringGrid grid, JuryScore myScore, List<YearBudget> budgets, List<StructureDocument> pieces,
                           String synthesis) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public JuryCase juryCase(Long sessionId, Long applicationId) {
        JurySession session = memberSession(sessionId);
        Application application = assignedToMe(session, applicationId);
        Structure structure = conflicts.structures(List.of(application.getStructureId())).get(application.getStructureId());
        ScoringGrid grid = session.getGridId() != null ? grids.get(session.getGridId())
                : grids.current(session.getCampaignId()).orElse(null);
        List<Opinion> opinions = instruction.opinionsForJury(applicationId);
        return new JuryCase(session, application, structure, applications.amounts(applicationId, AmountKind.REQUESTED),
                applications.amounts(applicationId, AmountKind.PROPOSED), opinions,
                grid, scores.findBySessionIdAndApplicationIdAndUsername(sessionId, applicationId, currentUser.username())
                .orElse(null), applications.budgets(applicationId), applications.documentsChecked(application),
                withoutOpinions(application.getSynthesis(), opinions));
    }

    /** The synthesis without the opinions' summary Agir prefilled it with, when left as written. */
    static String withoutOpinions(String synthesis, List<Opinion> opinions) {
        if (synthesis == null) {
            return null;
        }
        String prefilled = SynthesisForm.opinionsSummary(opinions);
        if (!synthesis.startsWith(prefilled)) {
            return synthesis;
        }
        String rest = synthesis.substring(prefilled.length()).strip();
        String label = "Synthèse de l'instruction :";
        return rest.startsWith(label) ? rest.substring(label.length()).strip() : rest;
    }

    /**
     * A piece of the case file the application relies on, for a member who may read the case (assigned,
     * no conflict); anything else is the same 404 as an unknown id.
     */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public DocumentVault.Content piece(Long sessionId, Long applicationId, Long documentId) {
        JurySession session = memberSession(sessionId);
        Application application = assignedToMe(session, applicationId);
        return applications.linkedDocumentChecked(application, documentId);
    }

    /** Saves the member's score as a draft (he may come back to it), or submits it (final). */
    @Transactional
    @PreAuthorize("hasRole('JURY')")
    public JuryScore score(Long sessionId, Long applicationId, Map<Long, Integer> values, String comment, boolean submit) {
        JurySession session = memberSession(sessionId);
        assignedToMe(session, applicationId);
        if (session.getPhase() != JurySession.Phase.SCORING) {
            throw new StateConflictException(session.getPhase() == JurySession.Phase.CONFLICTS
                    ? "La notation n'est pas encore ouverte : la DIEESS l'ouvrira une fois les conflits déclarés."
                    : "La notation est close : les notes ne changent plus.");
        }
        String me = currentUser.username();
        JuryScore score = scores.findBySessionIdAndApplicationIdAndUsername(sessionId, applicationId, me)
                .orElseGet(() -> new JuryScore(sessionId, applicationId, me));
        if (score.isSubmitted()) {
            throw new StateConflictException("Votre note de ce dossier est déjà soumise : elle ne peut plus être modifiée.");
        }
        List<GridCriterion> criteria = grids.get(session.getGridId()).getCriteria();
        Map<Long, Integer> checked = checkedValues(criteria, values, submit);
        String text = Texts.optional(comment, "comment", 4000);
        Instant now = Instant.now(clock);
        score.update(checked, text, JuryStatistics.weighted(criteria, checked), now);
        if (submit) {
            score.submit(now);
        }
        score = scores.save(score);
        if (submit) {
            audit.record(JurySessionService.ENTITY, sessionId, applicationId, AuditAction.JURY_SCORE_SUBMITTED, null,
                    JuryScore.Status.SUBMITTED, me + " : " + score.getWeighted() + "/20");
        }
        return score;
    }

    static Map<Long, Integer> checkedValues(List<GridCriterion> criteria, Map<Long, Integer> values, boolean submit) {
        Map<Long, Integer> given = values == null ? Map.of() : values;
        Map<String, String> errors = new LinkedHashMap<>();
        Set<Long> known = new java.util.HashSet<>();
        Map<Long, Integer> result = new LinkedHashMap<>();
        for (GridCriterion c : criteria) {
            known.add(c.getId());
            Integer value = given.get(c.getId());
            String field = "criterion-" + c.getId();
            if (value == null) {
                if (submit && c.isRequired()) {
                    errors.put(field, "Notez « " + c.getLabel() + " » (critère obligatoire)");
                }
            } else if (value < c.getScaleMin() || value > c.getScaleMax()) {
                errors.put(field, "Note de " + c.getScaleMin() + " à " + c.getScaleMax());
            } else {
                result.put(c.getId(), value);
            }
        }
        given.keySet().stream().filter(id -> !known.contains(id))
                .forEach(id -> errors.put("criterion-" + id, "Critère inconnu de la grille de la séance"));
        if (submit && result.isEmpty() && errors.isEmpty()) {
            errors.put("criteria", "Notez au moins un critère");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(submit ? "La note ne peut pas être soumise : elle est incomplète ou invalide."
                    : "La note contient des erreurs.", errors);
        }
        return result;
    }

    /** The others' scores of an application and their aggregate, once the member has submitted his. */
    public record OtherScore(String member, BigDecimal weighted, Map<Long, Integer> values, String comment, boolean mine) {
    }

    public record Scores(List<OtherScore> scores, JuryStatistics.Aggregate aggregate, List<String> eliminatedBy) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public Scores othersScores(Long sessionId, Long applicationId) {
        JurySession session = memberSession(sessionId);
        assignedToMe(session, applicationId);
        String me = currentUser.username();
        boolean submitted = scores.findBySessionIdAndApplicationIdAndUsername(sessionId, applicationId, me)
                .map(JuryScore::isSubmitted).orElse(false);
        if (!submitted) {
            throw new ForbiddenActionException("Les notes des autres membres s'affichent une fois la vôtre soumise.");
        }
        Map<Long, Set<String>> assigned = sessions.assignedByApplication(sessionId);
        List<JuryScore> counted = sessions.countedScores(sessionId, assigned).getOrDefault(applicationId, List.of());
        Map<String, String> names = new LinkedHashMap<>();
        members.findBySessionIdOrderByUsername(sessionId).forEach(m -> names.put(m.getUsername(), m.getDisplayName()));
        List<OtherScore> list = counted.stream().map(s -> new OtherScore(names.getOrDefault(s.getUsername(), s.getUsername()),
                s.getWeighted(), s.getValues(), s.getComment(), s.getUsername().equals(me))).toList();
        return new Scores(list, JuryStatistics.aggregate(counted.stream().map(JuryScore::getWeighted).toList(),
                properties.disagreementSpread()),
                sessions.eliminatedBy(session, applicationId).stream().map(GridCriterion::getLabel).toList());
    }

    /** The deliberation's ranking as a member sees it: without the applications he is in conflict with. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public JurySessionService.Ranking ranking(Long sessionId, JurySessionService.RankingOrder order) {
        JurySession session = memberSession(sessionId);
        if (session.getPhase() != JurySession.Phase.DELIBERATION && session.getPhase() != JurySession.Phase.CLOSED) {
            throw new StateConflictException("Le classement s'affiche à l'ouverture de la délibération.");
        }
        return sessions.ranking(session, order, currentUser.username());
    }

    /** The session, if the caller sits in it; 404 otherwise. */
    private JurySession memberSession(Long sessionId) {
        JurySession session = sessionRepository.findById(sessionId).orElseThrow(NotFoundException::notYours);
        members.findBySessionIdAndUsername(sessionId, currentUser.username()).orElseThrow(NotFoundException::notYours);
        return session;
    }

    /** The application, if it is assigned to the caller in that session and he has no conflict with it; 404 otherwise. */
    private Application assignedToMe(JurySession session, Long applicationId) {
        String me = currentUser.username();
        assignments.findBySessionIdAndApplicationIdAndUsername(session.getId(), applicationId, me)
                .orElseThrow(NotFoundException::notYours);
        Application application = applications.get(applicationId);
        if (conflicts.isConflicted(me, application.getStructureId())) {
            throw NotFoundException.notYours();
        }
        return application;
    }
}
