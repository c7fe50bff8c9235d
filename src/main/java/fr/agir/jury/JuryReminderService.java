package fr.agir.jury;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The reminder the session's process sends before scoring closes, to members who still owe scores. */
@Service
public class JuryReminderService {
    private static final String ENTITY = JurySessionService.ENTITY;

    private final JurySessionService sessions;
    private final SessionMemberRepository members;
    private final JuryScoreRepository scores;
    private final ApplicationService applications;
    private final JuryReminderMail reminderMail;
    private final AuditTrail audit;

    public JuryReminderService(JurySessionService sessions, SessionMemberRepository members, JuryScoreRepository scores,
                               ApplicationService applications, JuryReminderMail reminderMail, AuditTrail audit) {
        this.sessions = sessions;
        this.members = members;
        this.scores = scores;
        this.applications = applications;
        this.reminderMail = reminderMail;
        this.audit = audit;
    }

    /**
     * Run by the session's process before scoring closes: each member still assigned to applications
     * he has not scored gets one e-mail listing them (members without an address are skipped, traced).
     */
    @Transactional
    public int remindJurors(Long sessionId) {
        JurySession session = sessions.session(sessionId);
        if (session.getPhase() != JurySession.Phase.SCORING) {
            return 0;
        }
        Map<Long, Set<String>> assigned = sessions.assignedByApplication(sessionId);
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
                audit.record(ENTITY, sessionId, null, AuditAction.JURY_REMINDER_SKIPPED, null, null,
                        member.getUsername() + " : aucune adresse électronique");
                continue;
            }
            reminderMail.send(session, member, missing);
            audit.record(ENTITY, sessionId, null, AuditAction.JURY_REMINDED, null, null,
                    member.getUsername() + " : " + JurySessionService.count(missing.size(), "note attendue", "notes attendues"));
            reminded++;
        }
        return reminded;
    }
}
