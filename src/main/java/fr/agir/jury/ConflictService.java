package fr.agir.jury;

import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.CurrentUser;
import fr.agir.shared.ForbiddenActionException;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.NotFoundException;
import fr.agir.shared.Texts;
import fr.agir.structure.Identifiers;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Conflicts of interest between jury members and structures. A member declares his own; Agir
 * suggests likely ones (he is a member of the structure in Agir, a mandate he declared names its
 * SIREN or RNA, it shares a SIREN with a structure he is in conflict with, his e-mail has the legal
 * representative's domain); an administrator confirms, pins or dismisses any of them, audited. Any
 * conflict but a dismissed one keeps the member away from the structure's applications: he is never
 * assigned to them, and an assignment made before is removed.
 */
@Service
public class ConflictService {
    public static final String ENTITY = "JURY_CONFLICT";

    private final JuryConflictRepository conflicts;
    private final JuryMandateRepository mandates;
    private final JuryAssignmentRepository assignments;
    private final SessionMemberRepository members;
    private final SessionApplicationRepository sessionApplications;
    private final JurySessionRepository sessions;
    private final ApplicationService applications;
    private final StructureService structures;
    private final JuryProperties properties;
    private final AuditTrail audit;
    private final CurrentUser currentUser;
    private final Clock clock;

    public ConflictService(JuryConflictRepository conflicts, JuryMandateRepository mandates,
                           JuryAssignmentRepository assignments, SessionMemberRepository members,
                           SessionApplicationRepository sessionApplications, JurySessionRepository sessions,
                           ApplicationService applications, StructureService structures, JuryProperties properties,
                           AuditTrail audit, CurrentUser currentUser, Clock clock) {
        this.conflicts = conflicts;
        this.mandates = mandates;
        this.assignments = assignments;
        this.members = members;
        this.sessionApplications = sessionApplications;
        this.sessions = sessions;
        this.applications = applications;
        this.structures = structures;
        this.properties = properties;
        this.audit = audit;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public enum Decision { CONFIRM, PIN, DISMISS }

    // ---- the member's side

    /** The member declares a conflict with a structure whose application one of his open sessions takes. */
    @Transactional
    @PreAuthorize("hasRole('JURY')")
    public JuryConflict declare(Long structureId, JuryConflict.Type type, String comment) {
        String me = currentUser.username();
        if (!structuresOfMyOpenSessions(me).contains(structureId)) {
            throw NotFoundException.notYours();
        }
        if (type == null) {
            throw new InvalidInputException("Précisez la nature du lien.", Map.of("type", "Choisissez la nature du lien"));
        }
        String text = Texts.optional(comment, "comment", 1000);
        JuryConflict conflict = conflicts.findByUsernameAndStructureId(me, structureId).orElse(null);
        JuryConflict.Status from = conflict == null ? null : conflict.getStatus();
        if (from == JuryConflict.Status.CONFIRMED) {
            return conflict; // an administrator has already confirmed it: nothing changes
        }
        if (conflict == null) {
            conflict = conflicts.save(new JuryConflict(me, structureId, type, text, JuryConflict.Status.DECLARED, me,
                    Instant.now(clock)));
        } else {
            conflict.declare(type, text);
        }
        audit.record(ENTITY, conflict.getId(), null, AuditAction.CONFLICT_DECLARED, from, conflict.getStatus(),
                type.label() + (text == null ? "" : " : " + text));
        dropAssignments(me, structureId, "conflit d'intérêts déclaré");
        conflicts.flush();
        suggestInMyOpenSessions(me); // a structure of the same SIREN is now a likely conflict too
        return conflict;
    }

    /** The member withdraws his own declaration, unless an administrator pinned or confirmed it. */
    @Transactional
    @PreAuthorize("hasRole('JURY')")
    public void withdraw(Long conflictId) {
        JuryConflict conflict = conflicts.findById(conflictId)
                .filter(c -> c.getUsername().equals(currentUser.username())).orElseThrow(NotFoundException::notYours);
        if (conflict.getStatus() != JuryConflict.Status.DECLARED || conflict.isPinned()) {
            throw new ForbiddenActionException("Ce conflit a été suggéré par Agir ou confirmé par un administrateur : "
                    + "seul un administrateur peut l'écarter.");
        }
        conflict.decide(JuryConflict.Status.WITHDRAWN, false, currentUser.username(), Instant.now(clock));
        audit.record(ENTITY, conflict.getId(), null, AuditAction.CONFLICT_WITHDRAWN, JuryConflict.Status.DECLARED,
                JuryConflict.Status.WITHDRAWN, "Retiré par le membre : la DIEESS peut lui confier à nouveau les "
                        + "dossiers de la structure");
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public List<JuryConflict> mine() {
        return conflicts.findByUsernameOrderByCreatedAt(currentUser.username());
    }

    @Transactional
    @PreAuthorize("hasRole('JURY')")
    public JuryMandate declareMandate(String organisation, String siren, String rna, String role) {
        Map<String, String> errors = new TreeMap<>();
        String name = null;
        String what = null;
        try {
            name = Texts.required(organisation, "organisation", 200, "Nom de l'organisme manquant");
            what = Texts.required(role, "role", 200, "Fonction manquante");
        } catch (InvalidInputException e) {
            errors.putAll(e.fieldErrors());
        }
        String sirenValue = siren == null || siren.isBlank() ? null : siren.replace(" ", "");
        String rnaValue = rna == null || rna.isBlank() ? null : rna.strip().toUpperCase(Locale.ROOT);
        if (sirenValue != null && !Identifiers.isValidSiren(sirenValue)) {
            errors.put("siren", "SIREN invalide : 9 chiffres, clé de contrôle comprise");
        }
        if (rnaValue != null && !Identifiers.isValidRna(rnaValue)) {
            errors.put("rna", "Numéro RNA invalide : W suivi de 9 chiffres");
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException("Le mandat contient des erreurs.", errors);
        }
        JuryMandate mandate = mandates.save(new JuryMandate(currentUser.username(), name, sirenValue, rnaValue, what,
                Instant.now(clock)));
        audit.record(ENTITY, mandate.getId(), null, AuditAction.MANDATE_DECLARED, null, null, what + ", " + name);
        suggestInMyOpenSessions(currentUser.username());
        return mandate;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('JURY')")
    public List<JuryMandate> myMandates() {
        return mandates.findByUsernameOrderByCreatedAt(currentUser.username());
    }

    private void suggestInMyOpenSessions(String username) {
        for (JurySession session : sessions.findOfMember(username)) {
            if (session.getPhase() != JurySession.Phase.CLOSED) {
                suggest(session.getId());
            }
        }
    }

    // ---- the administrator's side

    /** Confirms, pins (the member can no longer withdraw it) or dismisses a conflict: an audited override. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public JuryConflict decide(Long conflictId, Decision decision, String reason) {
        JuryConflict conflict = conflicts.findById(conflictId).orElseThrow(NotFoundException::notYours);
        if (decision == null) {
            throw new InvalidInputException("Choisissez une décision.", Map.of("decision", "Choisissez une décision"));
        }
        String why = decision == Decision.DISMISS
                ? Texts.required(reason, "reason", 1000, "Motivez la levée du conflit")
                : Texts.optional(reason, "reason", 1000);
        JuryConflict.Status from = conflict.getStatus();
        JuryConflict.Status to = decision == Decision.DISMISS ? JuryConflict.Status.DISMISSED
                : from == JuryConflict.Status.DECLARED && decision == Decision.PIN ? from : JuryConflict.Status.CONFIRMED;
        conflict.decide(to, decision == Decision.PIN, currentUser.username(), Instant.now(clock));
        AuditAction action = switch (decision) {
            case CONFIRM -> AuditAction.CONFLICT_CONFIRMED;
            case PIN -> AuditAction.CONFLICT_PINNED;
            case DISMISS -> AuditAction.CONFLICT_DISMISSED;
        };
        audit.record(ENTITY, conflict.getId(), null, action, from, to,
                conflict.getUsername() + " / structure " + conflict.getStructureId() + (why == null ? "" : " : " + why));
        if (conflict.isEffective()) {
            dropAssignments(conflict.getUsername(), conflict.getStructureId(), "conflit d'intérêts confirmé");
        }
        return conflict;
    }

    /** An administrator records a conflict he knows of, pinned. */
    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public JuryConflict record(Long sessionId, String username, Long structureId, JuryConflict.Type type, String comment) {
        if (members.findBySessionIdAndUsername(sessionId, username).isEmpty()
                || !structuresOf(sessionId).contains(structureId)) {
            throw NotFoundException.notYours();
        }
        JuryConflict conflict = conflicts.findByUsernameAndStructureId(username, structureId)
                .orElseGet(() -> conflicts.save(new JuryConflict(username, structureId,
                        type == null ? JuryConflict.Type.OTHER : type, Texts.optional(comment, "comment", 1000),
                        JuryConflict.Status.CONFIRMED, currentUser.username(), Instant.now(clock))));
        return decide(conflict.getId(), Decision.PIN, comment);
    }

    // ---- what the other services need

    /** Every conflict row between the session's members and its structures, dismissed ones included. */
    @Transactional(readOnly = true)
    public List<JuryConflict> ofSession(Long sessionId) {
        Set<String> usernames = new HashSet<>();
        members.findBySessionIdOrderByUsername(sessionId).forEach(m -> usernames.add(m.getUsername()));
        Set<Long> structureIds = structuresOf(sessionId);
        return usernames.isEmpty() || structureIds.isEmpty() ? List.of()
                : conflicts.findByUsernameInAndStructureIdIn(usernames, structureIds);
    }

    /** Per application of the session, the members who must keep away from it. */
    @Transactional(readOnly = true)
    public Map<Long, Set<String>> conflictedByApplication(Long sessionId) {
        Map<Long, Set<String>> byStructure = new HashMap<>();
        ofSession(sessionId).stream().filter(JuryConflict::isEffective)
                .forEach(c -> byStructure.computeIfAbsent(c.getStructureId(), k -> new TreeSet<>()).add(c.getUsername()));
        Map<Long, Set<String>> result = new HashMap<>();
        structureByApplication(sessionId).forEach((applicationId, structureId) ->
                result.put(applicationId, byStructure.getOrDefault(structureId, Set.of())));
        return result;
    }

    /** The structures the member must keep away from. */
    Set<Long> conflictedStructures(String username) {
        Set<Long> result = new HashSet<>();
        conflicts.findByUsernameOrderByCreatedAt(username).stream().filter(JuryConflict::isEffective)
                .forEach(c -> result.add(c.getStructureId()));
        return result;
    }

    public boolean isConflicted(String username, Long structureId) {
        return conflicts.findByUsernameAndStructureId(username, structureId).map(JuryConflict::isEffective).orElse(false);
    }

    /**
     * Writes Agir's suggestions for the session's members and structures where no conflict row
     * exists yet, or where the member withdrew his own declaration (an administrator's dismissal
     * stands), and removes the assignments they forbid.
     *
     * @return the number of new suggestions
     */
    @Transactional
    public int suggest(Long sessionId) {
        List<SessionMember> sessionMembers = members.findBySessionIdOrderByUsername(sessionId);
        Set<Long> structureIds = structuresOf(sessionId);
        if (sessionMembers.isEmpty() || structureIds.isEmpty()) {
            return 0;
        }
        Map<Long, Structure> byId = structures.byIds(structureIds);
        Set<String> usernames = new HashSet<>(sessionMembers.stream().map(SessionMember::getUsername).toList());
        Map<Long, Set<String>> structureMembers = structures.memberUsernames(structureIds);
        Map<String, List<JuryMandate>> mandatesOf = new HashMap<>();
        mandates.findByUsernameIn(usernames).forEach(m -> mandatesOf.computeIfAbsent(m.getUsername(), k -> new ArrayList<>()).add(m));
        Map<String, JuryConflict> existing = new HashMap<>();
        conflicts.findByUsernameInAndStructureIdIn(usernames, structureIds)
                .forEach(c -> existing.put(c.getUsername() + "|" + c.getStructureId(), c));
        Map<String, Structure> conflictedSirens = conflictedSirens(usernames);
        int created = 0;
        for (SessionMember member : sessionMembers) {
            for (Long structureId : structureIds) {
                JuryConflict known = existing.get(member.getUsername() + "|" + structureId);
                if (known != null && known.getStatus() != JuryConflict.Status.WITHDRAWN) {
                    continue; // an administrator's dismissal stands; any other row is already a conflict
                }
                Structure structure = byId.get(structureId);
                Optional<Suggestion> why = suggestion(member, structure,
                        structureMembers.getOrDefault(structureId, Set.of()),
                        mandatesOf.getOrDefault(member.getUsername(), List.of()), conflictedSirens);
                if (why.isPresent()) {
                    JuryConflict conflict = known;
                    if (conflict == null) {
                        conflict = conflicts.save(new JuryConflict(member.getUsername(), structureId, why.get().type(),
                                why.get().reason(), JuryConflict.Status.SUGGESTED, "système", Instant.now(clock)));
                    } else {
                        conflict.suggestAgain(why.get().type(), why.get().reason());
                    }
                    audit.record(ENTITY, conflict.getId(), null, AuditAction.CONFLICT_SUGGESTED,
                            known == null ? null : known.getStatus(), JuryConflict.Status.SUGGESTED, member.getUsername() + " / " + structure.getName() + " : "
                                    + why.get().reason());
                    dropAssignments(member.getUsername(), structureId, "conflit d'intérêts suggéré");
                    created++;
                }
            }
        }
        return created;
    }

    record Suggestion(JuryConflict.Type type, String reason) {
    }

    private Optional<Suggestion> suggestion(SessionMember member, Structure structure, Set<String> structureMembers,
                                            List<JuryMandate> memberMandates, Map<String, Structure> conflictedSirens) {
        if (structureMembers.contains(member.getUsername())) {
            return Optional.of(new Suggestion(JuryConflict.Type.MEMBER, "Membre de la structure dans Agir"));
        }
        for (JuryMandate m : memberMandates) {
            if (m.getSiren() != null && m.getSiren().equals(structure.getSiren())
                    || m.getRna() != null && m.getRna().equals(structure.getRna())) {
                return Optional.of(new Suggestion(JuryConflict.Type.OFFICER,
                        "Mandat déclaré : " + m.getRole() + ", " + m.getOrganisation()));
            }
        }
        Structure sameSiren = structure.getSiren() == null ? null
                : conflictedSirens.get(member.getUsername() + "|" + structure.getSiren());
        if (sameSiren != null && !sameSiren.getId().equals(structure.getId())) {
            return Optional.of(new Suggestion(JuryConflict.Type.OTHER,
                    "Même SIREN que « " + sameSiren.getName() + " », avec laquelle un conflit est déclaré"));
        }
        String memberDomain = domain(member.getEmail());
        if (memberDomain != null && memberDomain.equals(domain(structure.getLegalRepEmail()))
                && !properties.genericEmailDomains().contains(memberDomain)) {
            return Optional.of(new Suggestion(JuryConflict.Type.OTHER,
                    "Même domaine de messagerie que le représentant légal (@" + memberDomain + ")"));
        }
        return Optional.empty();
    }

    /** "username|SIREN" → a structure of that SIREN the member is in conflict with. */
    private Map<String, Structure> conflictedSirens(Collection<String> usernames) {
        Map<String, Structure> result = new HashMap<>();
        for (String username : usernames) {
            List<JuryConflict> effective = conflicts.findByUsernameOrderByCreatedAt(username).stream()
                    .filter(JuryConflict::isEffective).filter(c -> c.getStatus() != JuryConflict.Status.SUGGESTED).toList();
            if (!effective.isEmpty()) {
                structures.byIds(effective.stream().map(JuryConflict::getStructureId).toList()).values().stream()
                        .filter(s -> s.getSiren() != null)
                        .forEach(s -> result.putIfAbsent(username + "|" + s.getSiren(), s));
            }
        }
        return result;
    }

    private static String domain(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }

    /** Removes the member's assignments to the structure's applications in the sessions not closed yet. */
    private void dropAssignments(String username, Long structureId, String reason) {
        for (JurySession session : sessions.findOfMember(username)) {
            if (session.getPhase() == JurySession.Phase.CLOSED) {
                continue;
            }
            structureByApplication(session.getId()).forEach((applicationId, structure) -> {
                if (structure.equals(structureId)) {
                    assignments.findBySessionIdAndApplicationIdAndUsername(session.getId(), applicationId, username)
                            .ifPresent(a -> {
                                assignments.delete(a);
                                audit.record(JurySessionService.ENTITY, session.getId(), applicationId,
                                        AuditAction.JURY_UNASSIGNED, null, null, username + " : " + reason);
                            });
                }
            });
        }
    }

    Set<Long> structuresOf(Long sessionId) {
        return new HashSet<>(structureByApplication(sessionId).values());
    }

    Map<Long, Long> structureByApplication(Long sessionId) {
        List<Long> ids = sessionApplications.findBySessionIdOrderByApplicationId(sessionId).stream()
                .map(SessionApplication::getApplicationId).toList();
        Map<Long, Long> result = new HashMap<>();
        applications.byIds(ids).forEach((id, application) -> result.put(id, application.getStructureId()));
        return result;
    }

    private Set<Long> structuresOfMyOpenSessions(String username) {
        Set<Long> result = new HashSet<>();
        for (JurySession session : sessions.findOfMember(username)) {
            if (session.getPhase() != JurySession.Phase.CLOSED) {
                result.addAll(structuresOf(session.getId()));
            }
        }
        return result;
    }

    Map<Long, Structure> structures(Collection<Long> structureIds) {
        return structures.byIds(structureIds);
    }
}
