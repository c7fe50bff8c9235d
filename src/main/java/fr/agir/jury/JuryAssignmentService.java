package fr.agir.jury;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who scores which application of a session: the automatic assignment (balanced, never against a
 * conflict) and the changes made by hand, each with its reason; only before the deliberation.
 */
@Service
public class JuryAssignmentService {
    private static final String ENTITY = JurySessionService.ENTITY;

    private final JurySessionService sessions;
    private final SessionMemberRepository members;
    private final SessionApplicationRepository sessionApplications;
    private final JuryAssignmentRepository assignmentRows;
    private final ConflictService conflicts;
    private final ApplicationService applications;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public JuryAssignmentService(JurySessionService sessions, SessionMemberRepository members,
                                 SessionApplicationRepository sessionApplications, JuryAssignmentRepository assignmentRows,
                                 ConflictService conflicts, ApplicationService applications, AuditTrail audit,
                                 CurrentUser currentUser, Clock clock) {
        this.sessions = sessions;
        this.members = members;
        this.sessionApplications = sessionApplications;
        this.assignmentRows = assignmentRows;
        this.conflicts = conflicts;
        this.applications = applications;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

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
        JurySession session = sessions.beforeDeliberation(sessionId);
        List<SessionMember> sessionMembers = members.findBySessionIdOrderByUsername(sessionId);
        if (sessionMembers.isEmpty()) {
            throw new StateConflictException("La séance n'a aucun membre : ajoutez-en avant de répartir les dossiers.");
        }
        List<SessionApplication> taken = sessionApplications.findBySessionIdOrderByApplicationId(sessionId);
        Map<Long, Application> byId = applications.byIds(taken.stream().map(SessionApplication::getApplicationId).toList());
        Map<Long, Set<String>> existing = sessions.assignedByApplication(sessionId);
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
                    assignmentRows.save(new JuryAssignment(sessionId, entry.getKey(), username, false,
                            currentUser.username(), Instant.now(clock)));
                    added++;
                }
            }
        }
        audit.record(ENTITY, sessionId, null, AuditAction.JURY_ASSIGNED_AUTOMATICALLY, null, null, JurySessionService.count(added, "affectation", "affectations") + " ; "
                + (plan.balanced() ? "charge équilibrée" : "charge déséquilibrée par les conflits")
                + (plan.shortfalls().isEmpty() ? "" : " ; " + JurySessionService.count(plan.shortfalls().size(),
                        "dossier incomplet", "dossiers incomplets")));
        return new AssignmentReport(added, plan.loads(), plan.balanced(), plan.shortfalls());
    }

    /** Assigns a member by hand, with a reason; never against a conflict. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public void assign(Long sessionId, Long applicationId, String username, String reason) {
        JurySession session = sessions.beforeDeliberation(sessionId);
        sessions.taken(sessionId, applicationId);
        SessionMember member = members.findBySessionIdAndUsername(sessionId, username == null ? "" : username)
                .orElseThrow(() -> new InvalidInputException("Ce membre ne siège pas dans la séance.",
                        Map.of("username", "Choisissez un membre de la séance")));
        String why = Texts.required(reason, "reason", 500, "Motivez l'affectation manuelle");
        if (conflicts.conflictedByApplication(sessionId).getOrDefault(applicationId, Set.of()).contains(member.getUsername())) {
            throw new StateConflictException("Ce membre est en conflit d'intérêts avec la structure : "
                    + "il ne peut pas lui être confié.");
        }
        if (assignmentRows.findBySessionIdAndApplicationIdAndUsername(sessionId, applicationId, username).isPresent()) {
            throw new StateConflictException("Ce dossier est déjà confié à ce membre.");
        }
        assignmentRows.save(new JuryAssignment(session.getId(), applicationId, username, true, currentUser.username(),
                Instant.now(clock)));
        audit.record(ENTITY, sessionId, applicationId, AuditAction.JURY_ASSIGNED_MANUALLY, null, null, username + " : " + why);
    }

    /** Takes a dossier back from a member, with a reason; a score he submitted no longer counts. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public void unassign(Long sessionId, Long applicationId, String username, String reason) {
        sessions.beforeDeliberation(sessionId);
        JuryAssignment assignment = assignmentRows.findBySessionIdAndApplicationIdAndUsername(sessionId, applicationId,
                username == null ? "" : username).orElseThrow(NotFoundException::notYours);
        String why = Texts.required(reason, "reason", 500, "Motivez le retrait");
        assignmentRows.delete(assignment);
        audit.record(ENTITY, sessionId, applicationId, AuditAction.JURY_UNASSIGNED, null, null, username + " : " + why);
    }

    /** The assignment: the members of each application of the session. */
    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public Map<Long, Set<String>> assignments(Long sessionId) {
        return sessions.assignedByApplication(sessions.session(sessionId).getId());
    }
}
