package fr.agir.jury;

import fr.agir.application.AmountKind;
import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.instruction.InstructionService;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.Money;
import fr.agir.shared.NotFoundException;
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
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A jury session run by the DIEESS: its members and applications, the assignment of members to
 * applications, its phases (conflicts → scoring → deliberation → closed) and the deliberation's
 * proposals within the campaign's envelope. Each phase change completes the matching step of the
 * session's process ({@code bpmn/jury-session.bpmn}); closing it hands each result to its application.
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
    private final JuryService results;
    private final CampaignService campaigns;
    private final ApplicationService applications;
    private final JuryProperties properties;
    private final JuryReminderMail reminderMail;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public JurySessionService(JurySessionRepository sessions, SessionMemberRepository members,
                              SessionApplicationRepository sessionApplications, JuryAssignmentRepository assignments,
                              JuryScoreRepository scores, ConflictService conflicts, ScoringGridService grids,
                              JuryService results, CampaignService campaigns, ApplicationService applications,
                              JuryProperties properties, JuryReminderMail reminderMail, Workflow workflow,
                              AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.sessionApplications = sessionApplications;
        this.assignments = assignments;
        this.scores = scores;
        this.conflicts = conflicts;
        this.grids = grids;
        this.results = results;
        this.campaigns = campaigns;
        this.applications = applications;
        this.properties = properties;
        this.reminderMail = reminderMail;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public record MemberInput(String username, String displayName, String email, Set<Thematic> thematics) {
    }

    public record NewSession(Long campaignId, String name, LocalDate scoringOpens, LocalDate scoringCloses,
                             LocalDate deliberationDate, Integer jurorsPerApplication, Boolean preferThematics,
                             List<MemberInput> members) {
    }

    // ---- the session and its people

    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public JurySession create(NewSession in) {
        if (in == null || in.campaignId() == null) {
            throw new InvalidInputException("Choisissez la campagne.", Map.of("campaignId", "Choisissez la campagne"));
        }
        Campaign campaign = campaigns.get(in.campaignId());
        Map<String, String> errors = new LinkedHashMap<>();
        String name = null;
        try {
            name = Texts.required(in.name(), "name", 200, "Nom de la séance manquant");
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        if (in.scoringOpens() == null) {
            errors.put("scoringOpens", "Date d'ouverture de la notation manquante");
        }
        if (in.scoringCloses() == null) {
            errors.put("scoringCloses", "Date de fin de la notation manquante");
        } else if (in.scoringOpens() != null && in.scoringCloses().isBefore(in.scoringOpens())) {
            errors.put("scoringCloses", "La notation se termine après son ouverture");
        }
        if (in.deliberationDate() == null) {
            errors.put("deliberationDate", "Date de délibération manquante");
        } else if (in.scoringCloses() != null && in.deliberationDate().isBefore(in.scoringCloses())) {
            errors.put("deliberationDate", "La délibération suit la fin de la notation");
        }
        int jurors = in.jurorsPerApplication() == null ? 3 : in.jurorsPerApplication();
        if (jurors < 1 || jurors > MAX_JURORS_PER_APPLICATION) {
            errors.put("jurorsPerApplication", "Entre 1 et " + MAX_JURORS_PER_APPLICATION + " membres par dossier");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La séance de jury contient des erreurs.", errors);
        }
        JurySession session = sessions.save(new JurySession(campaign.getId(), name, in.scoringOpens(),
                in.scoringCloses(), in.deliberationDate(), jurors, Boolean.TRUE.equals(in.preferThematics()),
                currentUser.username(), Instant.now(clock)));
        audit.record(ENTITY, session.getId(), null, "JURY_SESSION_CREATED", null, session.getPhase(),
                name + " (" + campaign.getCode() + ")");
        if (in.members() != null && !in.members().isEmpty()) {
            replaceMembers(session, in.members());
        }
        workflow.start(ProcessKeys.JURY_SESSION, session.businessKey(),
                Map.of("sessionId", session.getId(), "campaignId", campaign.getId()));
        return session;
    }

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

    /** Replaces the members while conflicts are being declared; a member removed loses his assignments. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<SessionMember> setMembers(Long sessionId, List<MemberInput> input) {
        JurySession session = inPhase(sessionId, JurySession.Phase.CONFLICTS);
        return replaceMembers(session, input == null ? List.of() : input);
    }

    private List<SessionMember> replaceMembers(JurySession session, List<MemberInput> input) {
        Map<String, String> errors = new LinkedHashMap<>();
        Map<String, MemberInput> byUsername = new LinkedHashMap<>();
        for (int i = 0; i < input.size(); i++) {
            MemberInput m = input.get(i);
            String username = m == null || m.username() == null ? "" : m.username().strip();
            if (username.isEmpty() || username.length() > 100 || !username.matches("[\\p{L}\\p{N}._@-]+")) {
                errors.put("members[" + i + "].username", "Identifiant de connexion du membre invalide");
            } else if (byUsername.put(username, m) != null) {
                errors.put("members[" + i + "].username", "Membre en double : " + username);
            } else if (m.email() != null && !m.email().isBlank()
                    && (m.email().length() > 254 || !m.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+"))) {
                errors.put("members[" + i + "].email", "Adresse électronique invalide");
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La liste des membres contient des erreurs.", errors);
        }
        List<SessionMember> current = members.findBySessionIdOrderByUsername(session.getId());
        for (SessionMember old : current) {
            if (!byUsername.containsKey(old.getUsername())) {
                assignments.findBySessionIdAndUsername(session.getId(), old.getUsername()).forEach(a -> {
                    assignments.delete(a);
                    audit.record(ENTITY, session.getId(), a.getApplicationId(), "JURY_UNASSIGNED", null, null,
                            old.getUsername() + " : retiré de la séance");
                });
                members.delete(old);
                audit.record(ENTITY, session.getId(), null, "JURY_MEMBER_REMOVED", null, null, old.getUsername());
            }
        }
        Set<String> kept = current.stream().map(SessionMember::getUsername).collect(Collectors.toSet());
        members.flush();
        byUsername.forEach((username, m) -> {
            if (!kept.contains(username)) {
                String display = Texts.optional(m.displayName(), "displayName", 200);
                members.save(new SessionMember(session.getId(), username, display == null ? username : display,
                        m.email() == null || m.email().isBlank() ? null : m.email().strip(),
                        m.thematics() == null ? Set.of() : m.thematics()));
                audit.record(ENTITY, session.getId(), null, "JURY_MEMBER_ADDED", null, null, username);
            }
        });
        members.flush();
        conflicts.suggest(session.getId());
        return members.findBySessionIdOrderByUsername(session.getId());
    }

    /** The campaign's applications waiting for the jury that no session has taken yet. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<Application> candidates(Long sessionId) {
        JurySession session = session(sessionId);
        Set<Long> taken = new HashSet<>(sessionApplications.applicationIdsTakenInCampaign(session.getCampaignId()));
        return applications.awaitingJury(session.getCampaignId()).stream().filter(a -> !taken.contains(a.getId())).toList();
    }

    /** Takes applications into the session: the given ones, or every candidate when none is given. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public int addApplications(Long sessionId, List<Long> applicationIds) {
        JurySession session = inPhase(sessionId, JurySession.Phase.CONFLICTS);
        List<Application> candidates = candidates(sessionId);
        Map<Long, Application> byId = new HashMap<>();
        candidates.forEach(a -> byId.put(a.getId(), a));
        List<Long> wanted = applicationIds == null || applicationIds.isEmpty()
                ? candidates.stream().map(Application::getId).toList() : applicationIds;
        List<Long> refused = wanted.stream().filter(id -> !byId.containsKey(id)).toList();
        if (!refused.isEmpty()) {
            throw new StateConflictException("Ces candidatures ne peuvent pas être prises par la séance : elles "
                    + "n'attendent pas le jury dans cette campagne, ou une autre séance les a déjà prises : "
                    + refused.size() + " sur " + wanted.size() + ".", Map.of("refusees", refused));
        }
        for (Long id : wanted) {
            sessionApplications.save(new SessionApplication(session.getId(), id));
            audit.record(ENTITY, session.getId(), id, "JURY_APPLICATION_TAKEN", null, null, session.getName());
        }
        sessionApplications.flush();
        conflicts.suggest(session.getId());
        return wanted.size();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public void removeApplication(Long sessionId, Long applicationId) {
        JurySession session = inPhase(sessionId, JurySession.Phase.CONFLICTS);
        SessionApplication taken = taken(session.getId(), applicationId);
        assignments.findBySessionIdAndApplicationId(session.getId(), applicationId).forEach(assignments::delete);
        sessionApplications.delete(taken);
        audit.record(ENTITY, session.getId(), applicationId, "JURY_APPLICATION_RELEASED", null, null, session.getName());
    }

    // ---- assignment

    public record AssignmentReport(int added, Map<String, Integer> loads, boolean balanced,
                                   List<AssignmentPlanner.Shortfall> shortfalls) {
    }

    /**
     * Completes the assignment: every application gets its number of members, none in conflict,
     * loads as even as the conflicts allow, thematics matched when asked; assignments already made
     * (by hand or before) are kept.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public AssignmentReport assignAutomatically(Long sessionId) {
        JurySession session = beforeDeliberation(sessionId);
        List<SessionMember> sessionMembers = members.findBySessionIdOrderByUsername(sessionId);
        if (sessionMembers.isEmpty()) {
            throw new StateConflictException("La séance n'a aucun membre : ajoutez-en avant de répartir les dossiers.");
        }
        List<SessionApplication> taken = sessionApplications.findBySessionIdOrderByApplicationId(sessionId);
        Map<Long, Application> byId = applications.byIds(taken.stream().map(SessionApplication::getApplicationId).toList());
        Map<Long, Set<String>> existing = assignedByApplication(sessionId);
        AssignmentPlanner.Plan plan = AssignmentPlanner.plan(new AssignmentPlanner.Request(
                sessionMembers.stream().map(m -> new AssignmentPlanner.Member(m.getUsername(),
                        m.getThematics().stream().map(Enum::name).collect(Collectors.toSet()))).toList(),
                taken.stream().map(t -> new AssignmentPlanner.Item(t.getApplicationId(),
                        byId.get(t.getApplicationId()).getThematic() == null ? null
                                : byId.get(t.getApplicationId()).getThematic().name())).toList(),
                session.getJurorsPerApplication(), conflicts.conflictedByApplication(sessionId), existing,
                session.isPreferThematics()));
        int added = 0;
        for (Map.Entry<Long, SortedSet<String>> entry : plan.assignments().entrySet()) {
            Set<String> before = existing.getOrDefault(entry.getKey(), Set.of());
            for (String username : entry.getValue()) {
                if (!before.contains(username)) {
                    assignments.save(new JuryAssignment(sessionId, entry.getKey(), username, false,
                            currentUser.username(), Instant.now(clock)));
                    added++;
                }
            }
        }
        audit.record(ENTITY, sessionId, null, "JURY_ASSIGNED_AUTOMATICALLY", null, null, added + " affectation(s) ; "
                + (plan.balanced() ? "charge équilibrée" : "charge déséquilibrée par les conflits")
                + (plan.shortfalls().isEmpty() ? "" : " ; " + plan.shortfalls().size() + " dossier(s) incomplet(s)"));
        return new AssignmentReport(added, plan.loads(), plan.balanced(), plan.shortfalls());
    }

    /** Assigns a member by hand, with a reason; never against a conflict. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public void assign(Long sessionId, Long applicationId, String username, String reason) {
        JurySession session = beforeDeliberation(sessionId);
        taken(sessionId, applicationId);
        SessionMember member = members.findBySessionIdAndUsername(sessionId, username == null ? "" : username)
                .orElseThrow(() -> new InvalidInputException("Ce membre ne siège pas dans la séance.",
                        Map.of("username", "Choisissez un membre de la séance")));
        String why = Texts.required(reason, "reason", 500, "Motivez l'affectation manuelle");
        if (conflicts.conflictedByApplication(sessionId).getOrDefault(applicationId, Set.of()).contains(member.getUsername())) {
            throw new StateConflictException("Ce membre est en conflit d'intérêts avec la structure : "
                    + "il ne peut pas lui être confié.");
        }
        if (assignments.findBySessionIdAndApplicationIdAndUsername(sessionId, applicationId, username).isPresent()) {
            throw new StateConflictException("Ce dossier est déjà confié à ce membre.");
        }
        assignments.save(new JuryAssignment(session.getId(), applicationId, username, true, currentUser.username(),
                Instant.now(clock)));
        audit.record(ENTITY, sessionId, applicationId, "JURY_ASSIGNED_MANUALLY", null, null, username + " : " + why);
    }

    /** Takes a dossier back from a member, with a reason; a score he submitted no longer counts. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public void unassign(Long sessionId, Long applicationId, String username, String reason) {
        beforeDeliberation(sessionId);
        JuryAssignment assignment = assignments.findBySessionIdAndApplicationIdAndUsername(sessionId, applicationId,
                username == null ? "" : username).orElseThrow(NotFoundException::notYours);
        String why = Texts.required(reason, "reason", 500, "Motivez le retrait");
        assignments.delete(assignment);
        audit.record(ENTITY, sessionId, applicationId, "JURY_UNASSIGNED", null, null, username + " : " + why);
    }

    /** The assignment: the members of each application of the session. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Map<Long, Set<String>> assignments(Long sessionId) {
        return assignedByApplication(session(sessionId).getId());
    }

    Map<Long, Set<String>> assignedByApplication(Long sessionId) {
        Map<Long, Set<String>> result = new HashMap<>();
        assignments.findBySessionId(sessionId)
                .forEach(a -> result.computeIfAbsent(a.getApplicationId(), k -> new TreeSet<>()).add(a.getUsername()));
        return result;
    }

    // ---- phases

    /**
     * Opens scoring: every application has its members, and the campaign's grid is frozen — the
     * session scores with that version whatever is changed later.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public JurySession openScoring(Long sessionId) {
        JurySession session = inPhase(sessionId, JurySession.Phase.CONFLICTS);
        List<SessionApplication> taken = sessionApplications.findBySessionIdOrderByApplicationId(sessionId);
        if (taken.isEmpty()) {
            throw new StateConflictException("La séance n'a pris aucune candidature.");
        }
        Map<Long, Set<String>> assigned = assignedByApplication(sessionId);
        Map<Long, Application> byId = applications.byIds(taken.stream().map(SessionApplication::getApplicationId).toList());
        List<String> incomplete = taken.stream()
                .filter(t -> assigned.getOrDefault(t.getApplicationId(), Set.of()).size() < session.getJurorsPerApplication())
                .map(t -> byId.get(t.getApplicationId()).getReference()).toList();
        if (!incomplete.isEmpty()) {
            throw new StateConflictException("Ces dossiers n'ont pas encore " + session.getJurorsPerApplication()
                    + " membre(s) sans conflit : " + String.join(", ", incomplete.subList(0, Math.min(20, incomplete.size())))
                    + (incomplete.size() > 20 ? "…" : "") + ". Répartissez-les, ajoutez des membres ou réduisez le nombre "
                    + "de membres par dossier.", Map.of("dossiers", incomplete));
        }
        ScoringGrid grid = grids.freezeLatest(session.getCampaignId());
        session.openScoring(grid.getId());
        audit.record(ENTITY, sessionId, null, "JURY_SCORING_OPENED", JurySession.Phase.CONFLICTS, session.getPhase(),
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
        JurySession session = inPhase(sessionId, JurySession.Phase.SCORING);
        session.openDeliberation();
        audit.record(ENTITY, sessionId, null, "JURY_DELIBERATION_OPENED", JurySession.Phase.SCORING, session.getPhase(),
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
        JurySession session = inPhase(sessionId, JurySession.Phase.DELIBERATION);
        SessionApplication taken = taken(sessionId, applicationId);
        Application application = applications.get(applicationId);
        if (in == null || in.verdict() == null) {
            throw new InvalidInputException("Choisissez l'avis du jury.", Map.of("verdict", "Choisissez l'avis du jury"));
        }
        String comment = Texts.optional(in.comment(), "comment", 2000);
        int duration = JuryService.checkedDuration(application, in.durationYears());
        Map<Integer, BigDecimal> amounts = Map.of();
        if (in.verdict() == JuryResult.Verdict.FAVORABLE) {
            List<GridCriterion> failed = eliminatedBy(session, applicationId);
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
        audit.record(ENTITY, sessionId, applicationId, "JURY_PROPOSAL_RECORDED", null, in.verdict(),
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
        JurySession session = inPhase(sessionId, JurySession.Phase.DELIBERATION);
        List<SessionApplication> taken = sessionApplications.findBySessionIdOrderByApplicationId(sessionId);
        long undecided = taken.stream().filter(t -> t.getVerdict() == null).count();
        if (undecided > 0) {
            throw new StateConflictException(undecided + " dossier(s) n'ont pas encore l'avis du jury : "
                    + "la séance ne peut pas être close.");
        }
        Envelope envelope = envelope(session, taken);
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
        audit.record(ENTITY, sessionId, null, "JURY_SESSION_CLOSED", JurySession.Phase.DELIBERATION, session.getPhase(),
                taken.stream().filter(SessionApplication::isFavourable).count() + " avis favorable(s) sur " + taken.size());
        workflow.complete(workflow.pendingTask(session.businessKey(), ProcessKeys.TASK_DELIBERATE, Map.of()), Map.of());
        return session;
    }

    /** Run by the session's process after closing: each application's result goes to its lifecycle. */
    @Transactional
    public int transmitResults(Long sessionId) {
        JurySession session = session(sessionId);
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

    /**
     * Run by the session's process before scoring closes: each member still assigned to applications
     * he has not scored gets one e-mail listing them (members without an address are skipped, traced).
     */
    @Transactional
    public int remindJurors(Long sessionId) {
        JurySession session = session(sessionId);
        if (session.getPhase() != JurySession.Phase.SCORING) {
            return 0;
        }
        Map<Long, Set<String>> assigned = assignedByApplication(sessionId);
        Set<String> submitted = new HashSet<>();
        scores.findBySessionId(sessionId).stream().filter(JuryScore::isSubmitted)
                .forEach(s -> submitted.add(s.getApplicationId() + "|" + s.getUsername()));
        Map<Long, Application> byId = applications.byIds(assigned.keySet());
        int reminded = 0;
        for (SessionMember member : members.findBySessionIdOrderByUsername(sessionId)) {
            List<String> missing = assigned.entrySet().stream()
                    .filter(e -> e.getValue().contains(member.getUsername()))
                    .filter(e -> !submitted.contains(e.getKey() + "|" + member.getUsername()))
                    .map(e -> byId.get(e.getKey()).getReference()).sorted().toList();
            if (missing.isEmpty()) {
                continue;
            }
            if (member.getEmail() == null) {
                audit.record(ENTITY, sessionId, null, "JURY_REMINDER_SKIPPED", null, null,
                        member.getUsername() + " : aucune adresse électronique");
                continue;
            }
            reminderMail.send(session, member, missing);
            audit.record(ENTITY, sessionId, null, "JURY_REMINDED", null, null,
                    member.getUsername() + " : " + missing.size() + " note(s) attendue(s)");
            reminded++;
        }
        return reminded;
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

    private JurySession inPhase(Long sessionId, JurySession.Phase phase) {
        JurySession session = session(sessionId);
        if (session.getPhase() != phase) {
            throw new StateConflictException("La séance est en phase « " + session.getPhase().label()
                    + " » : cette action appartient à la phase « " + phase.label() + " ».");
        }
        return session;
    }

    private JurySession beforeDeliberation(Long sessionId) {
        JurySession session = session(sessionId);
        if (session.getPhase() != JurySession.Phase.CONFLICTS && session.getPhase() != JurySession.Phase.SCORING) {
            throw new StateConflictException("La séance est en phase « " + session.getPhase().label()
                    + " » : la répartition des dossiers ne change plus.");
        }
        return session;
    }

    private SessionApplication taken(Long sessionId, Long applicationId) {
        return sessionApplications.findBySessionIdAndApplicationId(sessionId, applicationId)
                .orElseThrow(NotFoundException::notYours);
    }
}
