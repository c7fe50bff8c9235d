package fr.agir.reporting;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.audit.AuditAction;
import fr.agir.audit.AuditTrail;
import fr.agir.security.Role;
import fr.agir.shared.French;
import fr.agir.shared.InvalidInputException;
import fr.agir.shared.StateConflictException;
import fr.agir.shared.Texts;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import fr.agir.workflow.ProcessKeys;
import fr.agir.workflow.Workflow;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The instructor's follow-up of a late report ({@code Task_FollowUpLateReport} in grant-year.bpmn): who was
 * contacted, how, when, what was said, then « Relance effectuée », which ends the step. The formal notice is not
 * cancelled by it: if the report still has not arrived at the date set when the report became late
 * ({@code formalNoticeAt}), the letter goes all the same (grant-year waits for that date after the step).
 * The step also ends by itself when the report arrives (then no letter).
 */
@Service
public class LateReportFollowUp {
    /** Values of the process variable {@link ProcessKeys#VAR_FOLLOW_UP}. */
    public static final String DONE = "DONE";
    public static final String RECEIVED = "RECEIVED";

    /** How the structure was reached. */
    public enum Channel {
        TELEPHONE("Téléphone", "par téléphone"),
        EMAIL("E-mail", "par e-mail"),
        MESSAGE("Message dans la candidature", "par un message dans la candidature"),
        COURRIER("Courrier", "par courrier"),
        RENCONTRE("Rendez-vous ou visite", "lors d'un rendez-vous");

        private final String label;
        private final String inSentence;

        Channel(String label, String inSentence) {
            this.label = label;
            this.inSentence = inSentence;
        }

        public String label() { return label; }
        public String inSentence() { return inSentence; }
    }

    /** What the follow-up page shows. */
    public record View(Report report, Application application, Structure structure, long lateDays,
                       Date formalNoticeAt, boolean open, List<ReportHistory.Entry> history) {
    }

    private final ReportingService reporting;
    private final ApplicationService applications;
    private final StructureService structures;
    private final ReportHistory history;
    private final Workflow workflow;
    private final AuditTrail audit;
    private final Clock clock;

    LateReportFollowUp(ReportingService reporting, ApplicationService applications, StructureService structures,
                       ReportHistory history, Workflow workflow, AuditTrail audit, Clock clock) {
        this.reporting = reporting;
        this.applications = applications;
        this.structures = structures;
        this.history = history;
        this.workflow = workflow;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasAnyRole('INSTRUCTOR', 'ADMIN')")
    public View view(Long reportId) {
        Report report = reporting.get(reportId);
        Application application = applications.get(report.getApplicationId());
        Optional<Workflow.TeamTask> task = task(application, report);
        long late = Math.max(0, ChronoUnit.DAYS.between(report.getDueDate(), LocalDate.now(clock)));
        Date noticeAt = task.map(Workflow.TeamTask::due).orElse(null);
        if (noticeAt == null && report.isAwaited() && report.getFormalNoticeAt() == null) {
            // After « Relance effectuée » the year waits for the same date (Event_FormalNoticeStillDue).
            Object fact = workflow.stand("grant-year", application.getReference(), "formalNoticeAt").facts()
                    .get("formalNoticeAt");
            noticeAt = fact instanceof Date d ? d : null;
        }
        return new View(report, application, structures.get(application.getStructureId()), late, noticeAt,
                task.isPresent(), history.of(reportId));
    }

    /**
     * « Relance effectuée »: checked (channel, a contact date neither in the future nor more than a year ago,
     * a comment of at most 2,000 characters), kept in the report's history and the audit trail, and the step ends.
     * Refused as a whole, nothing changed, when the step is not open (report arrived, already done).
     */
    @Transactional
    @PreAuthorize("hasRole('INSTRUCTOR')")
    public Report done(Long reportId, Channel channel, LocalDate contactedOn, String comment) {
        Report report = reporting.get(reportId);
        Application application = applications.get(report.getApplicationId());
        Workflow.TeamTask task = task(application, report).orElseThrow(() -> new StateConflictException(
                "Il n'y a pas de relance à faire pour ce compte-rendu : il est arrivé, ou la relance est déjà "
                        + "enregistrée."));
        Map<String, String> errors = new LinkedHashMap<>();
        if (channel == null) {
            errors.put("channel", "Dites comment la structure a été contactée");
        }
        LocalDate today = LocalDate.now(clock);
        if (contactedOn == null) {
            errors.put("contactedOn", "Date du contact obligatoire, par exemple " + French.date(today));
        } else if (contactedOn.isAfter(today)) {
            errors.put("contactedOn", "La date du contact ne peut pas être dans le futur");
        } else if (contactedOn.isBefore(today.minusYears(1))) {
            errors.put("contactedOn", "Le contact doit dater de moins d'un an");
        }
        String note = Texts.optional(comment, "comment", 2000);
        if (!errors.isEmpty()) {
            throw new InvalidInputException("La relance n'est pas enregistrée : corrigez les champs signalés.", errors);
        }
        String said = "Structure contactée " + channel.inSentence() + " le " + ReportReminders.day(contactedOn) + "."
                + (note == null ? "" : " " + note);
        history.record(reportId, ReportEvent.Kind.FOLLOWED_UP, said, null);
        audit.record(ReportingService.ENTITY, reportId, application.getId(), AuditAction.REPORT_FOLLOWED_UP,
                report.getStatus(), report.getStatus(), "Compte-rendu de l'année " + report.getGrantYear() + " : "
                        + said);
        workflow.complete(new Workflow.PendingStep(task.taskId()), Map.of(ProcessKeys.VAR_FOLLOW_UP, DONE));
        return report;
    }

    /** The open follow-up step of this report's year, if any. */
    private Optional<Workflow.TeamTask> task(Application application, Report report) {
        if (!report.isOverdue()) {
            return Optional.empty();
        }
        return workflow.openTasksOfGroup(Role.INSTRUCTOR.candidateGroup(), application.getReference()).stream()
                .filter(t -> ProcessKeys.TASK_FOLLOW_UP_LATE_REPORT.equals(t.taskKey())).findFirst();
    }
}
