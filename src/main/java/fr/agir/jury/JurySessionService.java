package fr.agir.jury;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A jury session run by the DIEESS, as it reads: the sessions, the ranking of the deliberation within
 * the campaign's envelope, the session's overview and its minutes, and the checks the other jury
 * services share (phase, application taken). What changes a session is split by use case:
 * {@link JurySessionSetupService} (creation, members, applications), {@link JuryAssignmentService},
 * {@link JuryDeliberationService} (phases, proposals, closing, results) and {@link JuryReminderService}.
 */
@Service
public class JurySessionService {
    public static final String ENTITY = "JURY_SESSION";
    static final int MAX_JURORS_PER_APPLICATION = 10;

    private final JurySessionRepository sessions;
    private final SessionMemberRepository members;
    private final SessionApplicationRepository sessionApplications;
    private final JuryAssignmentRepository assignments;
    private final JuryScoreRepository scores;
    private final ConflictService conflicts;
    private final ScoringGridService grids;
    private final CampaignService campaigns;
    private final ApplicationService applications;
    private final JuryProperties properties;

    public JurySessionService(JurySessionRepository sessions, SessionMemberRepository members,
                              SessionApplicationRepository sessionApplications, JuryAssignmentRepository assignments,
                              JuryScoreRepository scores, ConflictService conflicts, ScoringGridService grids,
                              CampaignService campaigns, ApplicationService applications, JuryProperties properties) {
        this.sessions = sessions;
        this.members = members;
        this.sessionApplications = sessionApplications;
        this.assignments = assignments;
        this.scores = scores;
        this.conflicts = conflicts;
        this.grids = grids;
        this.campaigns = campaigns;
        this.applications = applications;
        this.properties = properties;
    }

    // ---- the sessions

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<JurySession> all() {
        return sessions.findAllByOrderByCreatedAtDesc();
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public JurySession get(Long sessionId) {
        return session(sessionId);
    }

    /** The assignment: the members of each application of the session (no check: callers have made theirs). */
    Map<Long, Set<String>> assignedByApplication(Long sessionId) {
        Map<Long, Set<String>> result = new HashMap<>();
        assignments.findBySessionId(sessionId)
                .forEach(a -> result.computeIfAbsent(a.getApplicationId(), k -> new TreeSet<>()).add(a.getUsername()));
        return result;
    }

    // ---- the envelope and the ranking

    public record EnvelopePart(BigDecimal available, BigDecimal committed, BigDecimal proposed) {
        public BigDecimal remaining() {
            return available.subtract(committed).subtract(proposed);
        }
    }

    /**
     * The campaign's envelope per part: what it holds, what closed sessions already proposed, what
     * this one proposes (year 1: the envelope is the edition's yearly credit), and the year-2 total.
     */
    public record Envelope(Map<SessionApplication.Nature, EnvelopePart> parts, BigDecimal secondYear) {
    }

    Envelope envelope(JurySession session, List<SessionApplication> taken) {
        Campaign campaign = campaigns.get(session.getCampaignId());
        Map<SessionApplication.Nature, BigDecimal> committed = new EnumMap<>(SessionApplication.Nature.class);
        sessionApplications.favourableOfOtherClosedSessions(session.getCampaignId(), session.getId())
                .forEach(a -> committed.merge(a.getNature(), zeroIfNull(a.getAmountYear1()), BigDecimal::add));
        Map<SessionApplication.Nature, BigDecimal> proposed = new EnumMap<>(SessionApplication.Nature.class);
        BigDecimal secondYear = Money.ZERO;
        for (SessionApplication a : taken) {
            if (a.isFavourable()) {
                proposed.merge(a.getNature(), zeroIfNull(a.getAmountYear1()), BigDecimal::add);
                secondYear = secondYear.add(zeroIfNull(a.getAmountYear2()));
            }
        }
        Map<SessionApplication.Nature, EnvelopePart> parts = new EnumMap<>(SessionApplication.Nature.class);
        parts.put(SessionApplication.Nature.OPERATING, new EnvelopePart(campaign.getEnvelopeOperating(),
                committed.getOrDefault(SessionApplication.Nature.OPERATING, Money.ZERO),
                proposed.getOrDefault(SessionApplication.Nature.OPERATING, Money.ZERO)));
        parts.put(SessionApplication.Nature.INVESTMENT, new EnvelopePart(campaign.getEnvelopeInvestment(),
                committed.getOrDefault(SessionApplication.Nature.INVESTMENT, Money.ZERO),
                proposed.getOrDefault(SessionApplication.Nature.INVESTMENT, Money.ZERO)));
        return new Envelope(parts, secondYear);
    }

    private static BigDecimal zeroIfNull(BigDecimal amount) {
        return amount == null ? Money.ZERO : amount;
    }

    public enum RankingOrder { MEAN, MEDIAN, THEMATIC, EPT }

    public record RankingRow(Application application, String structureName, String ept, Map<Integer, BigDecimal> requested,
                             Map<Integer, BigDecimal> proposedBySynthesis, JuryStatistics.Aggregate aggregate,
                             int assigned, List<String> eliminatedBy, SessionApplication proposal) {
    }

    public record Ranking(JurySession session, List<RankingRow> rows, Envelope envelope) {
        /** The same rows in another order; ties by application. */
        public Ranking sortedBy(RankingOrder order) {
            Comparator<BigDecimal> highFirst = Comparator.nullsLast(Comparator.<BigDecimal>reverseOrder());
            Comparator<RankingRow> byMean = Comparator.comparing((RankingRow r) -> r.aggregate().mean(), highFirst);
            Comparator<RankingRow> comparator = switch (order == null ? RankingOrder.MEAN : order) {
                case MEAN -> byMean;
                case MEDIAN -> Comparator.comparing((RankingRow r) -> r.aggregate().median(), highFirst).thenComparing(byMean);
                case THEMATIC -> Comparator.comparing((RankingRow r) -> r.application().getThematic() == null ? ""
                        : r.application().getThematic().label()).thenComparing(byMean);
                case EPT -> Comparator.comparing(RankingRow::ept).thenComparing(byMean);
            };
            List<RankingRow> sorted = new ArrayList<>(rows);
            sorted.sort(comparator.thenComparing(r -> r.application().getId()));
            return new Ranking(session, List.copyOf(sorted), envelope);
        }
    }

    /** The ranking table of the deliberation, for the DIEESS. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Ranking ranking(Long sessionId, RankingOrder order) {
        return ranking(session(sessionId), order, null);
    }

    Ranking ranking(JurySession session, RankingOrder order, String forMember) {
        List<SessionApplication> taken = sessionApplications.findBySessionIdOrderByApplicationId(session.getId());
        Map<Long, Set<String>> conflicted = forMember == null ? Map.of() : conflicts.conflictedByApplication(session.getId());
        List<SessionApplication> visible = taken.stream()
                .filter(t -> forMember == null || !conflicted.getOrDefault(t.getApplicationId(), Set.of()).contains(forMember))
                .toList();
        Map<Long, Application> byId = applications.byIds(visible.stream().map(SessionApplication::getApplicationId).toList());
        Map<Long, fr.agir.structure.Structure> structures = structuresOf(byId.values());
        Map<Long, Set<String>> assigned = assignedByApplication(session.getId());
        Map<Long, List<JuryScore>> counted = countedScores(session.getId(), assigned);
        List<GridCriterion> criteria = session.getGridId() == null ? List.of() : grids.get(session.getGridId()).getCriteria();
        Map<Long, Map<Integer, BigDecimal>> requested = applications.amounts(byId.keySet(), AmountKind.REQUESTED);
        Map<Long, Map<Integer, BigDecimal>> proposed = applications.amounts(byId.keySet(), AmountKind.PROPOSED);
        List<RankingRow> rows = new ArrayList<>();
        for (SessionApplication t : visible) {
            Application a = byId.get(t.getApplicationId());
            fr.agir.structure.Structure s = structures.get(a.getStructureId());
            List<JuryScore> in = counted.getOrDefault(a.getId(), List.of());
            rows.add(new RankingRow(a, s.getName(), s.getEpt() == null ? "" : s.getEpt().label(),
                    requested.getOrDefault(a.getId(), Map.of()), proposed.getOrDefault(a.getId(), Map.of()),
                    JuryStatistics.aggregate(in.stream().map(JuryScore::getWeighted).toList(), properties.disagreementSpread()),
                    assigned.getOrDefault(a.getId(), Set.of()).size(),
                    JuryStatistics.failedEliminatory(criteria, in.stream().map(JuryScore::getValues).toList()).stream()
                            .map(GridCriterion::getLabel).toList(), t));
        }
        return new Ranking(session, rows, envelope(session, taken)).sortedBy(order);
    }

    /** The submitted scores that count: those of members still assigned (a conflict removes the assignment). */
    Map<Long, List<JuryScore>> countedScores(Long sessionId, Map<Long, Set<String>> assigned) {
        Map<Long, List<JuryScore>> result = new HashMap<>();
        for (JuryScore score : scores.findBySessionId(sessionId)) {
            if (score.isSubmitted() && assigned.getOrDefault(score.getApplicationId(), Set.of()).contains(score.getUsername())) {
                result.computeIfAbsent(score.getApplicationId(), k -> new ArrayList<>()).add(score);
            }
        }
        return result;
    }

    List<GridCriterion> eliminatedBy(JurySession session, Long applicationId) {
        if (session.getGridId() == null) {
            return List.of();
        }
        List<JuryScore> in = countedScores(session.getId(), assignedByApplication(session.getId()))
                .getOrDefault(applicationId, List.of());
        return JuryStatistics.failedEliminatory(grids.get(session.getGridId()).getCriteria(),
                in.stream().map(JuryScore::getValues).toList());
    }

    private Map<Long, fr.agir.structure.Structure> structuresOf(java.util.Collection<Application> apps) {
        return conflicts.structures(apps.stream().map(Application::getStructureId).collect(Collectors.toSet()));
    }

    // ---- what the pages show

    /** What the session's page shows; the ranking is by mean (re-sort it with {@link Ranking#sortedBy}). */
    public record Overview(JurySession session, Campaign campaign, ScoringGrid grid, List<SessionMember> members,
                           Ranking ranking, Map<Long, Set<String>> assigned, List<JuryConflict> conflicts,
                           Map<Long, String> structureNames, Map<String, Integer> loads,
                           Map<String, Integer> submittedByMember) {
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Overview overview(Long sessionId) {
        JurySession session = session(sessionId);
        Ranking ranking = ranking(session, RankingOrder.MEAN, null);
        List<SessionMember> sessionMembers = members.findBySessionIdOrderByUsername(sessionId);
        Map<Long, Set<String>> assigned = assignedByApplication(sessionId);
        Map<String, Integer> loads = new TreeMap<>();
        sessionMembers.forEach(m -> loads.put(m.getUsername(), 0));
        assigned.values().forEach(set -> set.forEach(u -> loads.merge(u, 1, Integer::sum)));
        Map<String, Integer> submitted = new TreeMap<>();
        countedScores(sessionId, assigned).values().forEach(list -> list.forEach(s -> submitted.merge(s.getUsername(), 1, Integer::sum)));
        List<JuryConflict> sessionConflicts = conflicts.ofSession(sessionId);
        Set<Long> structureIds = new HashSet<>();
        sessionConflicts.forEach(c -> structureIds.add(c.getStructureId()));
        Map<Long, String> names = new HashMap<>();
        conflicts.structures(structureIds).forEach((id, s) -> names.put(id, s.getName()));
        ScoringGrid grid = session.getGridId() != null ? grids.get(session.getGridId())
                : grids.current(session.getCampaignId()).orElse(null);
        return new Overview(session, campaigns.get(session.getCampaignId()), grid, sessionMembers, ranking, assigned,
                sessionConflicts, names, loads, submitted);
    }

    /** The minutes as a PDF: a draft during the deliberation, final once the session is closed. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public byte[] minutes(Long sessionId) {
        JurySession session = session(sessionId);
        if (session.getPhase() != JurySession.Phase.DELIBERATION && session.getPhase() != JurySession.Phase.CLOSED) {
            throw new StateConflictException("Le procès-verbal s'établit à partir de la délibération.");
        }
        Overview overview = overview(sessionId);
        return JuryMinutes.render(overview, conflicts.conflictedByApplication(sessionId));
    }

    // ---- shared checks

    JurySession session(Long sessionId) {
        return sessions.findById(sessionId).orElseThrow(NotFoundException::notYours);
    }

    JurySession inPhase(Long sessionId, JurySession.Phase phase) {
        JurySession session = session(sessionId);
        if (session.getPhase() != phase) {
            throw new StateConflictException("La séance est en phase « " + session.getPhase().label()
                    + " » : cette action appartient à la phase « " + phase.label() + " ».");
        }
        return session;
    }

    JurySession beforeDeliberation(Long sessionId) {
        JurySession session = session(sessionId);
        if (session.getPhase() != JurySession.Phase.CONFLICTS && session.getPhase() != JurySession.Phase.SCORING) {
            throw new StateConflictException("La séance est en phase « " + session.getPhase().label()
                    + " » : la répartition des dossiers ne change plus.");
        }
        return session;
    }

    SessionApplication taken(Long sessionId, Long applicationId) {
        return sessionApplications.findBySessionIdAndApplicationId(sessionId, applicationId)
                .orElseThrow(NotFoundException::notYours);
    }

    /** "0 dossier", "1 dossier", "3 dossiers": French plurals in the jury's messages and audit reasons. */
    static String count(long n, String singular, String plural) {
        return n + " " + (n > 1 ? plural : singular);
    }
}
