package fr.agir.jury;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.campaign.Campaign;
import fr.agir.campaign.CampaignService;
import fr.agir.campaign.Thematic;
import fr.agir.security.CurrentUser;
import fr.agir.security.People;
import fr.agir.security.Role;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Setting a jury session up: creating it (which starts its process, {@code bpmn/jury-session.bpmn}),
 * its members and the applications it takes, while conflicts are being declared.
 */
@Service
public class JurySessionSetupService {
    private static final String ENTITY = JurySessionService.ENTITY;

    private final JurySessionService sessions;
    private final JurySessionRepository sessionRows;
    private final SessionMemberRepository members;
    private final SessionApplicationRepository sessionApplications;
    private final JuryAssignmentRepository assignments;
    private final ConflictService conflicts;
    private final CampaignService campaigns;
    private final ApplicationService applications;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final People people;
    private final Clock clock;

    public JurySessionSetupService(JurySessionService sessions, JurySessionRepository sessionRows,
                                   SessionMemberRepository members, SessionApplicationRepository sessionApplications,
                                   JuryAssignmentRepository assignments, ConflictService conflicts,
                                   CampaignService campaigns, ApplicationService applications, Workflow workflow,
                                   AuditTrail audit, CurrentUser currentUser, People people, Clock clock) {
        this.sessions = sessions;
        this.sessionRows = sessionRows;
        this.members = members;
        this.sessionApplications = sessionApplications;
        this.assignments = assignments;
        this.conflicts = conflicts;
        this.campaigns = campaigns;
        this.applications = applications;
        this.workflow = workflow;
        this.audit = audit;
        this.currentUser = currentUser;
        this.people = people;
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
        if (jurors < 1 || jurors > JurySessionService.MAX_JURORS_PER_APPLICATION) {
            errors.put("jurorsPerApplication", "Entre 1 et " + JurySessionService.MAX_JURORS_PER_APPLICATION + " membres par dossier");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La séance de jury contient des erreurs.", errors);
        }
        JurySession session = sessionRows.save(new JurySession(campaign.getId(), name, in.scoringOpens(),
                in.scoringCloses(), in.deliberationDate(), jurors, Boolean.TRUE.equals(in.preferThematics()),
                currentUser.username(), Instant.now(clock)));
        audit.record(ENTITY, session.getId(), null, AuditAction.JURY_SESSION_CREATED, null, session.getPhase(),
                name + " (" + campaign.getCode() + ")");
        if (in.members() != null && !in.members().isEmpty()) {
            replaceMembers(session, in.members());
        }
        workflow.start(ProcessKeys.JURY_SESSION, session.businessKey(),
                Map.of("sessionId", session.getId(), "campaignId", campaign.getId()));
        return session;
    }

    /** Replaces the members while conflicts are being declared; a member removed loses his assignments. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<SessionMember> setMembers(Long sessionId, List<MemberInput> input) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.CONFLICTS);
        return replaceMembers(session, input == null ? List.of() : input);
    }

    /** A person chosen on the session's page, with the campaign's thematics he follows. */
    public record MemberChoice(String username, Set<Thematic> thematics) {
    }

    /**
     * The members chosen among the people with the jury role (name and e-mail come from the
     * person); a member already sitting stays even without the role. The thematics of the members
     * kept are updated too.
     */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public List<SessionMember> chooseMembers(Long sessionId, List<MemberChoice> chosen) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.CONFLICTS);
        Map<String, People.Person> jurors = new HashMap<>();
        people.withRole(Role.JURY).forEach(p -> jurors.put(p.username(), p));
        Map<String, SessionMember> sitting = new HashMap<>();
        members.findBySessionIdOrderByUsername(sessionId).forEach(m -> sitting.put(m.getUsername(), m));
        List<MemberInput> input = new java.util.ArrayList<>();
        List<String> refused = new java.util.ArrayList<>();
        for (MemberChoice choice : chosen == null ? List.<MemberChoice>of() : chosen) {
            Set<Thematic> thematics = choice.thematics() == null ? Set.of() : choice.thematics();
            People.Person person = jurors.get(choice.username());
            SessionMember member = sitting.get(choice.username());
            if (person != null) {
                input.add(new MemberInput(person.username(), person.name(), person.email(), thematics));
            } else if (member != null) {
                input.add(new MemberInput(member.getUsername(), member.getDisplayName(), member.getEmail(), thematics));
            } else {
                refused.add(people.name(choice.username()));
            }
        }
        if (!refused.isEmpty()) {
            throw new InvalidInputException("Seules les personnes qui ont le rôle de membre de jury dans Agir siègent "
                    + "dans une séance.", Map.of("members", String.join(", ", refused) + (refused.size() > 1
                    ? " n'ont pas le rôle de membre de jury : choisissez parmi les personnes proposées."
                    : " n'a pas le rôle de membre de jury : choisissez parmi les personnes proposées.")));
        }
        List<SessionMember> result = replaceMembers(session, input);
        for (SessionMember m : result) {
            MemberInput in = input.stream().filter(i -> i.username().equals(m.getUsername())).findFirst().orElseThrow();
            if (!m.getThematics().equals(in.thematics().isEmpty() ? Set.of() : java.util.EnumSet.copyOf(in.thematics()))) {
                m.changeThematics(in.thematics());
                audit.record(ENTITY, sessionId, null, AuditAction.JURY_MEMBER_UPDATED, null, null, m.getUsername() + " : "
                        + in.thematics().stream().map(Thematic::label).sorted().collect(Collectors.joining(", ")));
            }
        }
        return result;
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
                    audit.record(ENTITY, session.getId(), a.getApplicationId(), AuditAction.JURY_UNASSIGNED, null, null,
                            old.getUsername() + " : retiré de la séance");
                });
                members.delete(old);
                audit.record(ENTITY, session.getId(), null, AuditAction.JURY_MEMBER_REMOVED, null, null, old.getUsername());
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
                audit.record(ENTITY, session.getId(), null, AuditAction.JURY_MEMBER_ADDED, null, null, username);
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
        JurySession session = sessions.session(sessionId);
        Set<Long> taken = new HashSet<>(sessionApplications.applicationIdsTakenInCampaign(session.getCampaignId()));
        return applications.awaitingJury(session.getCampaignId()).stream().filter(a -> !taken.contains(a.getId())).toList();
    }

    /** Takes applications into the session: the given ones, or every candidate when none is given. */
    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public int addApplications(Long sessionId, List<Long> applicationIds) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.CONFLICTS);
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
            audit.record(ENTITY, session.getId(), id, AuditAction.JURY_APPLICATION_TAKEN, null, null, session.getName());
        }
        sessionApplications.flush();
        conflicts.suggest(session.getId());
        return wanted.size();
    }

    @Transactional
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public void removeApplication(Long sessionId, Long applicationId) {
        JurySession session = sessions.inPhase(sessionId, JurySession.Phase.CONFLICTS);
        SessionApplication taken = sessions.taken(session.getId(), applicationId);
        assignments.findBySessionIdAndApplicationId(session.getId(), applicationId).forEach(assignments::delete);
        sessionApplications.delete(taken);
        audit.record(ENTITY, session.getId(), applicationId, AuditAction.JURY_APPLICATION_RELEASED, null, null, session.getName());
    }
}
