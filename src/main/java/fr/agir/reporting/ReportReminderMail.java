package fr.agir.reporting;

import fr.agir.application.Application;
import fr.agir.application.ApplicationService;
import fr.agir.mail.MailOutbox;
import fr.agir.mail.MailTemplates;
import fr.agir.mail.OutgoingMail;
import fr.agir.structure.Structure;
import fr.agir.structure.StructureService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The e-mails of a report's deadline to the structure's legal representative, queued in the outbox in
 * the transaction that records them: the reminder before the due date ({@code report-reminder}) and the
 * formal reminder letter after the second period ({@code report-formal-notice}, the PDF attached).
 */
@Component
class ReportReminderMail {
    private final ApplicationService applications;
    private final StructureService structures;
    private final MailOutbox outbox;
    private final MailTemplates mails;

    ReportReminderMail(ApplicationService applications, StructureService structures, MailOutbox outbox,
                       MailTemplates mails) {
        this.applications = applications;
        this.structures = structures;
        this.outbox = outbox;
        this.mails = mails;
    }

    void reminder(Report report, String deadlineInWords) {
        send("report-reminder", report, deadlineInWords, List.of());
    }

    void formalNotice(Report report, byte[] pdf) {
        send("report-formal-notice", report, null, List.of(new OutgoingMail.Attachment(
                OverdueReportLetter.fileName(report), "application/pdf", pdf)));
    }

    private void send(String template, Report report, String deadlineInWords, List<OutgoingMail.Attachment> files) {
        Application application = applications.get(report.getApplicationId());
        Structure structure = structures.get(application.getStructureId());
        if (structure.getLegalRepEmail() == null || structure.getLegalRepEmail().isBlank()) {
            return;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("application", application);
        values.put("structure", structure);
        values.put("report", report);
        values.put("deadline", deadlineInWords == null ? "" : deadlineInWords);
        outbox.enqueue(mails.mail(template, List.of(structure.getLegalRepEmail()), values, files));
    }
}
